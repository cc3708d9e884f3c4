package dev.ballast.workload.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ballast.workload.message.KeyKind;
import dev.ballast.workload.rate.RateShape;
import dev.ballast.workload.rate.RateUnit;
import dev.ballast.workload.spec.MessageSizeSpec;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ShareSplitterTest {

  private static final List<String> FOUR = List.of("w0", "w1", "w2", "w3");

  private static ProducerShare producer(String name, double rate) {
    return new ProducerShare(
        name,
        "t",
        ShapeSpec.of(RateShape.constant(rate)),
        RateUnit.MESSAGES,
        MessageSizeSpec.fixed(100),
        KeyKind.NONE,
        0,
        0,
        List.of(),
        Map.of());
  }

  private static double total(Map<String, List<ProducerShare>> split) {
    return split.values().stream()
        .flatMap(List::stream)
        .mapToDouble(p -> p.shape().rates().get(0))
        .sum();
  }

  @Test
  void oneProducerIsCutIntoAnEqualPieceForEveryWorker() {
    Map<String, List<ProducerShare>> split =
        ShareSplitter.splitProducers(List.of(producer("p", 1000)), FOUR);
    assertThat(split).containsOnlyKeys(FOUR);
    split.values().forEach(list -> assertThat(list).hasSize(1));
    assertThat(split.get("w2").get(0).shape().rates()).containsExactly(250.0);
    assertThat(split.get("w2").get(0).name()).isEqualTo("p-part-2");
    assertThat(total(split)).isEqualTo(1000.0);
  }

  @Test
  void theTotalRateIsKeptWhateverTheCounts() {
    for (int producers = 1; producers <= 9; producers++) {
      List<ProducerShare> list =
          IntStream.range(0, producers).mapToObj(i -> producer("p" + i, 300)).toList();
      Map<String, List<ProducerShare>> split = ShareSplitter.splitProducers(list, FOUR);
      assertThat(total(split))
          .isCloseTo(300.0 * producers, org.assertj.core.data.Offset.offset(1e-6));
      assertThat(split.values()).allMatch(l -> !l.isEmpty());
      assertThat(split.values().stream().flatMap(List::stream).map(ProducerShare::name))
          .doesNotHaveDuplicates();
    }
  }

  @Test
  void consumersAreDealtRoundRobinAndSomeWorkersMayGetNone() {
    List<ConsumerShare> consumers =
        List.of(
            new ConsumerShare("c0", "t", "g", false, Map.of()),
            new ConsumerShare("c1", "t", "g", false, Map.of()));
    Map<String, List<ConsumerShare>> split = ShareSplitter.splitConsumers(consumers, FOUR);
    assertThat(split.get("w0")).extracting(ConsumerShare::name).containsExactly("c0");
    assertThat(split.get("w1")).extracting(ConsumerShare::name).containsExactly("c1");
    assertThat(split.get("w3")).isEmpty();
  }

  @Test
  void noWorkersIsAnError() {
    assertThatThrownBy(() -> ShareSplitter.splitProducers(List.of(producer("p", 1)), List.of()))
        .hasMessageContaining("no workers");
  }
}
