package dev.ballast.kafka.sample;

import dev.ballast.core.model.PartitionLoad;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.TopicPartition;

/**
 * The last N samples and the rates they imply; pure arithmetic, no I/O.
 *
 * <ul>
 *   <li>messages/s: log-end-offset delta over the window's span (exact);
 *   <li>bytes in/s: messages/s times the average record size on disk (leader size over offset
 *       span), cross-checked with the leader's size growth;
 *   <li>bytes out/s (to consumers): committed-offset delta over the span times the record size;
 *   <li>size: the largest replica in the last sample.
 * </ul>
 */
public final class LoadWindow {

  private final int capacity;
  private final Deque<ClusterSample> samples = new ArrayDeque<>();

  /** Creates a window that keeps the last {@code capacity} samples (at least 2). */
  public LoadWindow(int capacity) {
    if (capacity < 2) {
      throw new IllegalArgumentException("a load window needs at least 2 samples, not " + capacity);
    }
    this.capacity = capacity;
  }

  /** Adds {@code sample}, dropping the oldest when full. */
  public void add(ClusterSample sample) {
    if (!samples.isEmpty() && sample.nanos() <= samples.peekLast().nanos()) {
      throw new IllegalArgumentException("samples must be added in time order");
    }
    samples.addLast(sample);
    while (samples.size() > capacity) {
      samples.removeFirst();
    }
  }

  /** Forgets every sample, e.g. after partitions moved and sizes changed meaning. */
  public void clear() {
    samples.clear();
  }

  /** Returns the number of samples held. */
  public int size() {
    return samples.size();
  }

  /** Returns whether the window is full. */
  public boolean isFull() {
    return samples.size() >= capacity;
  }

  /** Returns the load implied by the samples held. */
  public LoadEstimate estimate() {
    List<String> warnings = new ArrayList<>();
    Set<Integer> stale = new HashSet<>();
    samples.forEach(s -> stale.addAll(s.silentBrokers()));
    if (samples.size() < 2) {
      return new LoadEstimate(Map.of(), 0, samples.size(), Set.of(), stale, List.of());
    }
    ClusterSample first = samples.peekFirst();
    ClusterSample last = samples.peekLast();
    double seconds = (last.nanos() - first.nanos()) / 1e9;
    Map<TopicPartition, PartitionLoad> loads = new HashMap<>();
    Set<TopicPartition> missing = new HashSet<>();
    // A partition whose leader was moving when a sample was taken is absent from that sample
    // (listOffsets failed for it): rate it over the samples that have it, not drop it.
    Set<TopicPartition> seen = new LinkedHashSet<>();
    samples.forEach(s -> seen.addAll(s.logEndOffsets().keySet()));
    for (TopicPartition tp : seen) {
      ClusterSample from = firstWith(tp);
      ClusterSample to = lastWith(tp);
      if (from == to) {
        missing.add(tp);
        continue;
      }
      double span = (to.nanos() - from.nanos()) / 1e9;
      long endBefore = from.logEndOffsets().get(tp);
      long endAfter = to.logEndOffsets().get(tp);
      double messagesPerSec = Math.max(0, endAfter - endBefore) / span;
      double recordBytes = averageRecordBytes(to, tp);
      double bytesIn = messagesPerSec * recordBytes;
      crossCheck(tp, bytesIn, from, to, span, warnings);
      double bytesOut = consumedPerSec(from, to, tp, span) * recordBytes;
      loads.put(tp, new PartitionLoad(bytesIn, bytesOut, messagesPerSec, to.size(tp)));
    }
    if (!stale.isEmpty()) {
      warnings.add(
          "brokers "
              + stale
              + " did not answer describeLogDirs in the window; their sizes are stale");
    }
    return new LoadEstimate(
        loads, seconds, samples.size(), missing, stale, warnings, first.nanos(), last.nanos());
  }

  private ClusterSample firstWith(TopicPartition tp) {
    for (ClusterSample s : samples) {
      if (s.logEndOffsets().containsKey(tp)) {
        return s;
      }
    }
    return null;
  }

  private ClusterSample lastWith(TopicPartition tp) {
    Iterator<ClusterSample> it = samples.descendingIterator();
    while (it.hasNext()) {
      ClusterSample s = it.next();
      if (s.logEndOffsets().containsKey(tp)) {
        return s;
      }
    }
    return null;
  }

  /** Returns bytes per record on disk: the largest replica's size over its offset span. */
  static double averageRecordBytes(ClusterSample s, TopicPartition tp) {
    long size = s.size(tp);
    long span = s.logEndOffsets().getOrDefault(tp, 0L) - s.logStartOffsets().getOrDefault(tp, 0L);
    return span <= 0 ? 0 : (double) size / span;
  }

  private static double consumedPerSec(
      ClusterSample first, ClusterSample last, TopicPartition tp, double seconds) {
    Map<String, Long> before = first.committedOffsets().getOrDefault(tp, Map.of());
    Map<String, Long> after = last.committedOffsets().getOrDefault(tp, Map.of());
    long consumed = 0;
    // Only groups seen at both ends count: a group that appeared in the window has no baseline.
    for (Map.Entry<String, Long> e : after.entrySet()) {
      Long b = before.get(e.getKey());
      if (b != null) {
        consumed += Math.max(0, e.getValue() - b);
      }
    }
    return consumed / seconds;
  }

  private static void crossCheck(
      TopicPartition tp,
      double bytesIn,
      ClusterSample first,
      ClusterSample last,
      double seconds,
      List<String> warnings) {
    long startBefore = first.logStartOffsets().getOrDefault(tp, 0L);
    long startAfter = last.logStartOffsets().getOrDefault(tp, 0L);
    if (startAfter != startBefore || bytesIn < 1024) {
      return; // retention deleted segments in the window, or too little traffic to compare
    }
    double growth = (last.size(tp) - first.size(tp)) / seconds;
    if (growth > 0 && (growth > bytesIn * 2 || growth < bytesIn / 2)) {
      warnings.add(
          String.format(
              Locale.ROOT,
              "%s: bytes in from offsets x record size (%.0f B/s) disagrees with size growth (%.0f B/s)",
              tp,
              bytesIn,
              growth));
    }
  }
}
