/**
 * Tasks that break brokers under load and judge how the cluster copes: {@code chaos} (kill -9 a
 * broker, restart it), {@code rolling-restart} (every broker in turn with a controlled shutdown)
 * and {@code leader-skew} (leadership skewed by a restart, restored by a balancer that may not be
 * Ballast's); the pure checkers of what they recorded, and the cluster views they share.
 */
package dev.ballast.app.task.chaos;
