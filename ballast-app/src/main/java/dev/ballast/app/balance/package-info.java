/**
 * The auto-balancer service: samples load, probes broker latency, detects anomalies, plans and
 * executes, one step per {@code doWork}; and the commands that run it.
 */
package dev.ballast.app.balance;
