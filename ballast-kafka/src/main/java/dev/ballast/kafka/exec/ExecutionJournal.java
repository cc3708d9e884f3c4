package dev.ballast.kafka.exec;

import java.util.Collection;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;

/**
 * A durable record of what Ballast started on a cluster: every write returns only once it is
 * stored, so the executor writes before it applies anything and a later run can finish or undo it.
 * {@link TopicJournal} keeps it in a compacted topic on the cluster itself.
 */
public interface ExecutionJournal extends AutoCloseable {

  /** Returns what the journal holds now. */
  JournalState state();

  /** Records {@code moves} durably (before they are submitted). */
  void recordMoves(Collection<JournaledMove> moves);

  /** Forgets the moves of {@code partitions} (they ended). */
  void clearMoves(Collection<TopicPartition> partitions);

  /** Records {@code throttles} durably (before they are set). */
  void recordThrottles(Collection<JournaledThrottle> throttles);

  /** Forgets the throttles of {@code resources} (they were removed). */
  void clearThrottles(Collection<ConfigResource> resources);

  /** Returns where the journal lives, for messages (e.g. {@code topic __ballast_journal}). */
  String where();

  /** Releases the journal's clients; what was written stays. */
  @Override
  void close();

  /**
   * Returns a journal that lives in this process only: for tests and for callers on a cluster that
   * dies with the process (the embedded one). It survives no crash.
   */
  static ExecutionJournal inMemory() {
    return new KeyedJournal("memory") {
      @Override
      void persist(java.util.Map<String, String> changes) {}
    };
  }
}
