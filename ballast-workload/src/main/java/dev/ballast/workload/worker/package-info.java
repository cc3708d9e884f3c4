/**
 * Workers that run a workload's producers and consumers: the {@link
 * dev.ballast.workload.worker.Worker} interface, its local implementation, the producer and
 * consumer agents (one step of work each) and the runner that drives them, and the workload run
 * that takes a spec through prepare, warm-up, load, drain and verdict.
 */
package dev.ballast.workload.worker;
