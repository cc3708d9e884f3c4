package dev.ballast.workload.worker;

/** Running totals of a worker: messages sent, acknowledged, failed and consumed, bytes acked. */
public record WorkerTotals(long sent, long acked, long failed, long consumed, long ackedBytes) {}
