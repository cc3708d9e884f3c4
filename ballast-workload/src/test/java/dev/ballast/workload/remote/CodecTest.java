package dev.ballast.workload.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ballast.workload.continuity.IntervalSet;
import dev.ballast.workload.latency.LatencyTracker;
import dev.ballast.workload.message.KeyKind;
import dev.ballast.workload.rate.RateShape;
import dev.ballast.workload.rate.RateUnit;
import dev.ballast.workload.spec.MessageSizeSpec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class CodecTest {

  @Test
  void aDesiredStateSurvivesTheControlTopic() {
    ProducerShare p =
        new ProducerShare(
            "t-producer-0",
            "t",
            ShapeSpec.of(RateShape.ramp(10, 100, Duration.ofSeconds(5))),
            RateUnit.MESSAGES,
            MessageSizeSpec.fixed(100),
            KeyKind.ROUND_ROBIN,
            7,
            0.5,
            List.of(4L, 1L),
            Map.of("acks", "all"));
    ConsumerShare c = new ConsumerShare("g-consumer-0", "t", "g", true, Map.of());
    DesiredState d =
        new DesiredState(42, 3, RunPhase.PAUSED, 0.5, 1, 2, 1234, 1000, List.of(p), List.of(c));

    DesiredState back = Codec.decode(Codec.encode(d), DesiredState.class);

    assertThat(back).isEqualTo(d);
    assertThat(back.producers().get(0).shape().toShape())
        .isEqualTo(RateShape.ramp(10, 100, Duration.ofSeconds(5)));
  }

  @Test
  void everyRateShapeRoundTripsAndScales() {
    List<RateShape> shapes =
        List.of(
            RateShape.unlimited(),
            RateShape.constant(1000),
            RateShape.ramp(0, 50, Duration.ofSeconds(1)),
            new RateShape.Steps(
                List.of(new RateShape.Step(0, 10), new RateShape.Step(1_000_000_000L, 20))));
    for (RateShape shape : shapes) {
      assertThat(ShapeSpec.of(shape).toShape()).isEqualTo(shape);
    }
    assertThat(ShapeSpec.of(RateShape.constant(1000)).scaled(0.25).toShape())
        .isEqualTo(RateShape.constant(250));
  }

  @Test
  void aHistogramKeepsEveryCountThroughCompression() {
    Histogram h = LatencyTracker.newHistogram();
    for (long v = 1; v <= 10_000; v++) {
      h.recordValue(v * 1_000);
    }
    Histogram back = Codec.decodeHistogram(Codec.encodeHistogram(h));
    assertThat(back.getTotalCount()).isEqualTo(10_000);
    assertThat(back.getValueAtPercentile(99)).isEqualTo(h.getValueAtPercentile(99));
    assertThat(back).isEqualTo(h);
  }

  @Test
  void intervalSetsTravelAsFlatRanges() {
    IntervalSet set = IntervalSet.ofRange(0, 9);
    set.addRange(20, 20);
    assertThat(Codec.ranges(set)).containsExactly(0, 9, 20, 20);
    assertThat(Codec.intervalSet(Codec.ranges(set))).isEqualTo(set);
    assertThatThrownBy(() -> Codec.intervalSet(new long[] {1})).hasMessageContaining("even");
  }

  @Test
  void aBrokenOrForeignMessageIsRejectedWithTheType() {
    assertThatThrownBy(
            () -> Codec.decode("{\"x\":1}".getBytes(StandardCharsets.UTF_8), WorkerStatus.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("not a valid WorkerStatus");
    assertThatThrownBy(() -> Codec.decodeHistogram("AAAA"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
