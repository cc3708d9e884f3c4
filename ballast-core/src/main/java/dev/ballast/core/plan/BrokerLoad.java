package dev.ballast.core.plan;

/**
 * A broker's load before and after something (an action, or the whole plan).
 *
 * @param brokerId the broker id
 * @param before the load before
 * @param after the load after
 */
public record BrokerLoad(int brokerId, LoadVector before, LoadVector after) {}
