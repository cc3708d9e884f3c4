package dev.ballast.kafka.exec;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;

/**
 * A journal kept as keyed records (as in a compacted topic): a write stores a value or a tombstone
 * per key, and the state is the last value of every key.
 */
abstract class KeyedJournal implements ExecutionJournal {

  private final String where;
  private final Map<TopicPartition, JournaledMove> moves = new LinkedHashMap<>();
  private final Map<ConfigResource, JournaledThrottle> throttles = new LinkedHashMap<>();

  KeyedJournal(String where) {
    this.where = where;
  }

  /** Stores {@code changes} (key to encoded value, null for a tombstone) durably, or throws. */
  abstract void persist(Map<String, String> changes);

  /** Loads one stored record while reading the journal back. */
  final synchronized void load(String key, String value) {
    if (value == null) {
      if (key.startsWith(JournalCodec.MOVE)) {
        moves.remove(JournalCodec.partitionOf(key));
      } else {
        throttles.remove(JournalCodec.resourceOf(key));
      }
    } else {
      Object entry = JournalCodec.decode(value);
      if (entry instanceof JournaledMove m) {
        moves.put(m.topicPartition(), m);
      } else if (entry instanceof JournaledThrottle t) {
        throttles.put(t.resource(), t);
      }
    }
  }

  @Override
  public final synchronized JournalState state() {
    return new JournalState(moves, throttles);
  }

  @Override
  public final synchronized void recordMoves(Collection<JournaledMove> list) {
    Map<String, String> changes = new LinkedHashMap<>();
    list.forEach(m -> changes.put(JournalCodec.key(m.topicPartition()), JournalCodec.encode(m)));
    write(changes);
    list.forEach(m -> moves.put(m.topicPartition(), m));
  }

  @Override
  public final synchronized void clearMoves(Collection<TopicPartition> partitions) {
    Map<String, String> changes = new LinkedHashMap<>();
    partitions.stream()
        .filter(moves::containsKey)
        .forEach(tp -> changes.put(JournalCodec.key(tp), null));
    write(changes);
    partitions.forEach(moves::remove);
  }

  @Override
  public final synchronized void recordThrottles(Collection<JournaledThrottle> list) {
    Map<String, String> changes = new LinkedHashMap<>();
    list.forEach(t -> changes.put(JournalCodec.key(t.resource()), JournalCodec.encode(t)));
    write(changes);
    list.forEach(t -> throttles.put(t.resource(), t));
  }

  @Override
  public final synchronized void clearThrottles(Collection<ConfigResource> resources) {
    Map<String, String> changes = new LinkedHashMap<>();
    resources.stream()
        .filter(throttles::containsKey)
        .forEach(r -> changes.put(JournalCodec.key(r), null));
    write(changes);
    resources.forEach(throttles::remove);
  }

  @Override
  public String where() {
    return where;
  }

  @Override
  public void close() {}

  private void write(Map<String, String> changes) {
    if (!changes.isEmpty()) {
      persist(changes);
    }
  }
}
