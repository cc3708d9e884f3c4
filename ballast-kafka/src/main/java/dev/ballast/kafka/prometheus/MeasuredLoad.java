package dev.ballast.kafka.prometheus;

import dev.ballast.core.model.PartitionLoad;
import dev.ballast.kafka.prometheus.TrafficKey.Direction;
import dev.ballast.kafka.sample.LoadEstimate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.ToDoubleFunction;
import org.apache.kafka.common.TopicPartition;

/**
 * Lays measured bytes/s over an offset-based {@link LoadEstimate}; pure arithmetic, no I/O.
 * Messages/s and sizes stay as the offsets measured them.
 *
 * <ul>
 *   <li>a per-partition figure (AutoMQ) is the partition's;
 *   <li>a per-topic bytes-in figure is split over the topic's partitions by their share of its
 *       messages/s (exact, from offsets); a per-topic bytes-out figure by their share of the
 *       consumer bytes the offsets imply, else of messages in; evenly when both are zero;
 *   <li>a topic that took messages but has no bytes-in series keeps the offset estimate, with a
 *       warning: its leader's endpoint is probably not scraped;
 *   <li>when the measured traffic is not usable (an endpoint failed), the estimate is returned as
 *       it is, with warnings saying why: never half measured, half estimated without saying so.
 * </ul>
 */
public final class MeasuredLoad {

  private MeasuredLoad() {}

  /** Returns {@code estimate} with the bytes in/out of {@code traffic} where it has them. */
  public static LoadEstimate overlay(LoadEstimate estimate, MeasuredTraffic traffic) {
    if (!estimate.ready()) {
      return estimate;
    }
    List<String> warnings = new ArrayList<>(estimate.warnings());
    if (!traffic.usable()) {
      traffic.problems().forEach(p -> warnings.add("prometheus: " + p));
      warnings.add("prometheus: bytes in/out are estimated from offsets in this window");
      return with(estimate, estimate.loads(), warnings);
    }
    Map<String, Map<TopicPartition, PartitionLoad>> byTopic = new TreeMap<>();
    estimate
        .loads()
        .forEach((tp, l) -> byTopic.computeIfAbsent(tp.topic(), k -> new HashMap<>()).put(tp, l));
    Map<TopicPartition, PartitionLoad> loads = new HashMap<>();
    TreeSet<String> unmeasured = new TreeSet<>();
    byTopic.forEach(
        (topic, partitions) -> {
          Map<TopicPartition, Double> in =
              measured(
                  topic, Direction.IN, partitions, traffic, PartitionLoad::messagesInPerSec, null);
          Map<TopicPartition, Double> out =
              measured(
                  topic,
                  Direction.OUT,
                  partitions,
                  traffic,
                  PartitionLoad::bytesOutPerSec,
                  PartitionLoad::messagesInPerSec);
          double messages = sum(partitions, PartitionLoad::messagesInPerSec);
          if (in == null && messages > 0) {
            unmeasured.add(topic);
          } else if (in != null) {
            crossCheck(topic, in, partitions, warnings);
          }
          partitions.forEach(
              (tp, l) ->
                  loads.put(
                      tp,
                      new PartitionLoad(
                          in == null ? l.bytesInPerSec() : in.get(tp),
                          out == null ? l.bytesOutPerSec() : out.get(tp),
                          l.messagesInPerSec(),
                          l.sizeBytes())));
        });
    if (!unmeasured.isEmpty()) {
      warnings.add(
          "prometheus: no bytes-in series for "
              + unmeasured
              + ", which took messages in the window; their bytes in/out are estimated from"
              + " offsets (does --prometheus-url list every broker?)");
    }
    return with(estimate, loads, warnings);
  }

  /**
   * Returns the measured bytes/s of each partition of {@code topic} in {@code direction}, or null
   * when the traffic has no series for the topic: per-partition figures as they are, a per-topic
   * figure split by {@code share} (then {@code fallbackShare}, then evenly).
   */
  private static Map<TopicPartition, Double> measured(
      String topic,
      Direction direction,
      Map<TopicPartition, PartitionLoad> partitions,
      MeasuredTraffic traffic,
      ToDoubleFunction<PartitionLoad> share,
      ToDoubleFunction<PartitionLoad> fallbackShare) {
    Map<TopicPartition, Double> out = new HashMap<>();
    for (TopicPartition tp : partitions.keySet()) {
      Double v = traffic.bytesPerSec().get(new TrafficKey(topic, tp.partition(), direction));
      out.put(tp, v == null ? 0.0 : v);
    }
    Double whole =
        traffic.bytesPerSec().get(new TrafficKey(topic, TrafficKey.WHOLE_TOPIC, direction));
    if (whole == null) {
      return hasPartitionSeries(topic, direction, traffic) ? out : null;
    }
    ToDoubleFunction<PartitionLoad> by =
        sum(partitions, share) > 0 || fallbackShare == null ? share : fallbackShare;
    double total = sum(partitions, by);
    partitions.forEach(
        (tp, l) ->
            out.merge(
                tp,
                total > 0 ? whole * by.applyAsDouble(l) / total : whole / partitions.size(),
                Double::sum));
    return out;
  }

  /** Returns whether {@code traffic} has a per-partition series of {@code topic} (AutoMQ). */
  private static boolean hasPartitionSeries(
      String topic, Direction direction, MeasuredTraffic traffic) {
    return traffic.bytesPerSec().keySet().stream()
        .anyMatch(k -> k.topic().equals(topic) && !k.wholeTopic() && k.direction() == direction);
  }

  private static void crossCheck(
      String topic,
      Map<TopicPartition, Double> in,
      Map<TopicPartition, PartitionLoad> partitions,
      List<String> warnings) {
    double measured = in.values().stream().mapToDouble(Double::doubleValue).sum();
    double estimated = sum(partitions, PartitionLoad::bytesInPerSec);
    if (estimated >= 1024 && (measured > estimated * 2 || measured < estimated / 2)) {
      warnings.add(
          String.format(
              Locale.ROOT,
              "prometheus: %s: measured bytes in (%.0f B/s) and offsets x record size (%.0f B/s)"
                  + " differ by more than 2x; using the measured figure (does --prometheus-url"
                  + " list every broker?)",
              topic,
              measured,
              estimated));
    }
  }

  private static double sum(
      Map<TopicPartition, PartitionLoad> partitions, ToDoubleFunction<PartitionLoad> f) {
    return partitions.values().stream().mapToDouble(f).sum();
  }

  private static LoadEstimate with(
      LoadEstimate e, Map<TopicPartition, PartitionLoad> loads, List<String> warnings) {
    return new LoadEstimate(
        loads,
        e.windowSeconds(),
        e.samples(),
        e.missing(),
        e.staleBrokers(),
        warnings,
        e.startNanos(),
        e.endNanos());
  }
}
