package dev.ballast.kafka.exec;

import static java.util.Objects.requireNonNull;

import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;

/**
 * What a journal holds now: the moves Ballast started and has not seen end, and the throttles it
 * set and has not removed.
 *
 * @param moves the moves by partition
 * @param throttles the throttles by broker or topic
 */
public record JournalState(
    Map<TopicPartition, JournaledMove> moves, Map<ConfigResource, JournaledThrottle> throttles) {

  /** An empty journal. */
  public static final JournalState EMPTY = new JournalState(Map.of(), Map.of());

  /** Copies the maps. */
  public JournalState {
    moves = Map.copyOf(requireNonNull(moves, "moves"));
    throttles = Map.copyOf(requireNonNull(throttles, "throttles"));
  }

  /** Returns whether nothing is journaled: no move and no throttle left by a run. */
  public boolean isEmpty() {
    return moves.isEmpty() && throttles.isEmpty();
  }

  /** Returns {@code 2 move(s), 3 throttle(s)}, for messages. */
  public String summary() {
    return moves.size() + " move(s) and " + throttles.size() + " throttled broker(s)/topic(s)";
  }
}
