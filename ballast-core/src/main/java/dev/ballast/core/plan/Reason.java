package dev.ballast.core.plan;

/** Why an action was taken: a hard goal it repairs, or the soft goal it improves most. */
public enum Reason {
  /** Empties a draining broker. */
  DRAIN("drain", true),
  /** Re-creates a replica that sat on a dead broker. */
  DEAD_BROKER("dead-broker", true),
  /** Takes leadership (or, for RF=1, the replica) off a slow broker. */
  SLOW_BROKER("slow-broker", true),
  /** Spreads a partition over more racks. */
  RACK_SPREAD("rack-spread", true),
  /** Brings a broker back under its network capacity. */
  CAPACITY("capacity", true),
  /** Balances network-in. */
  NETWORK_IN("network-in", false),
  /** Balances network-out. */
  NETWORK_OUT("network-out", false),
  /** Balances messages/s. */
  MESSAGES("messages", false),
  /** Balances disk. */
  DISK("disk", false),
  /** Balances replica counts. */
  REPLICAS("replicas", false),
  /** Balances leader counts. */
  LEADERS("leaders", false),
  /** Spreads each topic's replicas. */
  TOPIC_SPREAD("topic-spread", false);

  private final String label;
  private final boolean hard;

  Reason(String label, boolean hard) {
    this.label = label;
    this.hard = hard;
  }

  /** Returns the reason for balancing soft goal {@code goal}. */
  static Reason of(Goal goal) {
    return values()[CAPACITY.ordinal() + 1 + goal.ordinal()];
  }

  /** Returns the name printed in plans ("drain", "network-in"). */
  public String label() {
    return label;
  }

  /** Returns whether the action repairs a hard goal. */
  public boolean hard() {
    return hard;
  }
}
