package dev.ballast.app.scenario;

/**
 * One broker at one sample of a scenario.
 *
 * @param seconds seconds since the load started
 * @param broker the broker id
 * @param replicas replicas of the scenario topic on the broker
 * @param leaders partitions of the scenario topic it leads
 * @param bytesInPerSec bytes/s in (produce plus replication in)
 * @param bytesOutPerSec bytes/s out (consumers plus replication out)
 * @param messagesPerSec messages/s it leads
 * @param canaryMs its canary produce latency in ms, or NaN
 * @param produceP99Ms the workload's produce p99 (from intended send) in the last period, in ms
 */
public record TimelinePoint(
    double seconds,
    int broker,
    int replicas,
    int leaders,
    double bytesInPerSec,
    double bytesOutPerSec,
    double messagesPerSec,
    double canaryMs,
    double produceP99Ms) {}
