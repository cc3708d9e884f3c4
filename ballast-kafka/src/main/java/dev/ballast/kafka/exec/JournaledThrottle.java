package dev.ballast.kafka.exec;

import static java.util.Objects.requireNonNull;

import java.util.Map;
import org.apache.kafka.common.config.ConfigResource;

/**
 * The throttle configs Ballast set on one broker or topic, journaled before they were set, with
 * what each held before so that removing them restores it.
 *
 * @param resource the broker or topic
 * @param set the values Ballast set, by config key
 * @param previous the dynamic values those keys held before, by key; a key of {@code set} missing
 *     here had no dynamic value and is deleted on removal
 * @param earlier values Ballast set on these keys before {@code set} (the latency guard changes a
 *     rate while moving): a key found holding one is Ballast's too, so a run that died between
 *     journaling a new rate and setting it still restores the key
 */
public record JournaledThrottle(
    ConfigResource resource,
    Map<String, String> set,
    Map<String, String> previous,
    Map<String, String> earlier) {

  /** Validates and copies the maps. */
  public JournaledThrottle {
    requireNonNull(resource, "resource");
    set = Map.copyOf(requireNonNull(set, "set"));
    previous = Map.copyOf(requireNonNull(previous, "previous"));
    earlier = Map.copyOf(requireNonNull(earlier, "earlier"));
    if (!set.keySet().containsAll(previous.keySet())) {
      throw new IllegalArgumentException(
          "previous values of keys Ballast did not set: " + previous.keySet());
    }
  }

  /** Creates an entry with no earlier values. */
  public JournaledThrottle(
      ConfigResource resource, Map<String, String> set, Map<String, String> previous) {
    this(resource, set, previous, Map.of());
  }

  /** Returns {@code broker 0} or {@code topic t}, for messages. */
  public String describe() {
    return (resource.type() == ConfigResource.Type.BROKER ? "broker " : "topic ") + resource.name();
  }
}
