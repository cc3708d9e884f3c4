/**
 * Remote workers: the protocol on Kafka (a compacted control topic of desired states fenced by a
 * run epoch, a status topic of heartbeats, a results topic of interval reports), its pure encoding,
 * splitting and merging, the worker process's agent and {@link
 * dev.ballast.workload.remote.RemoteWorkers}, the controller side of the {@code Worker} interface.
 */
package dev.ballast.workload.remote;
