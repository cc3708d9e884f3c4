package dev.ballast.core.doctor;

/** What kind of problem an incident is. */
public enum IncidentKind {
  /** Partitions without a leader. */
  OFFLINE_PARTITIONS("OfflinePartitions"),
  /** Partitions whose ISR is smaller than their topic's min.insync.replicas. */
  UNDER_MIN_ISR("UnderMinIsr"),
  /** A dead (or fenced) broker that still holds replicas. */
  DEAD_BROKER("DeadBroker"),
  /** Too few brokers for the load, the replication or the partition count. */
  CAPACITY_INSUFFICIENT("CapacityInsufficient"),
  /** Under-replicated partitions not (yet) known to persist. */
  UNDER_REPLICATED("UnderReplicated"),
  /** A broker much slower than its peers. */
  SLOW_BROKER("SlowBroker"),
  /** Load spread unevenly over the brokers, as the planner sees it. */
  IMBALANCE("Imbalance"),
  /** Partitions not led by their preferred leader. */
  LEADER_SKEW("LeaderSkew"),
  /** A topic config that risks data loss or failed writes. */
  RISKY_TOPIC_CONFIG("RiskyTopicConfig");

  private final String label;

  IncidentKind(String label) {
    this.label = label;
  }

  /** Returns the name printed in reports ("CapacityInsufficient"). */
  public String label() {
    return label;
  }
}
