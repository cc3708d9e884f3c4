package dev.ballast.core.model;

import static java.util.Objects.requireNonNull;

/**
 * One broker of the cluster.
 *
 * @param id the broker id ({@code node.id})
 * @param rack the rack ({@code broker.rack}), or null when the cluster has no racks
 * @param state what the planner may do with it
 * @param capacity its network limits, or null when none are configured
 */
public record Broker(int id, String rack, BrokerState state, Capacity capacity) {

  /** Validates the id and state. */
  public Broker {
    if (id < 0) {
      throw new IllegalArgumentException("broker id must be >= 0, got " + id);
    }
    requireNonNull(state, "state");
  }

  /** Returns an alive broker without rack or capacity. */
  public static Broker alive(int id) {
    return new Broker(id, null, BrokerState.ALIVE, null);
  }

  /** Returns a copy of this broker in {@code newState}. */
  public Broker withState(BrokerState newState) {
    return new Broker(id, rack, newState, capacity);
  }
}
