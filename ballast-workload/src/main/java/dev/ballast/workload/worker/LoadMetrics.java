package dev.ballast.workload.worker;

import dev.ballast.workload.latency.LatencyTracker;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counters and latency trackers shared by a worker's agents; written from any thread, read by the
 * worker for period and final figures.
 */
public final class LoadMetrics {

  final LongAdder sent = new LongAdder();
  final LongAdder sentBytes = new LongAdder();
  final LongAdder acked = new LongAdder();
  final LongAdder ackedBytes = new LongAdder();
  final LongAdder failed = new LongAdder();
  final LongAdder consumed = new LongAdder();
  final LongAdder consumedBytes = new LongAdder();
  final LongAdder foreign = new LongAdder();
  final AtomicReference<String> lastSendError = new AtomicReference<>();

  /** Latency from the intended send time to the acknowledgement (coordinated-omission free). */
  final LatencyTracker intended = new LatencyTracker();

  /** Latency from the actual send call to the acknowledgement (what perf-test reports). */
  final LatencyTracker send = new LatencyTracker();

  /** How late each send call was against its intended time. */
  final LatencyTracker scheduleDelay = new LatencyTracker();

  /** From the send time in the message's headers to its consumption (same host only). */
  final LatencyTracker endToEnd = new LatencyTracker();

  /** Returns the latency from the intended send time to the acknowledgement. */
  public LatencyTracker intendedLatency() {
    return intended;
  }

  /** Returns the latency from the send call to the acknowledgement. */
  public LatencyTracker sendLatency() {
    return send;
  }

  /** Returns how late send calls were against their intended times. */
  public LatencyTracker scheduleDelays() {
    return scheduleDelay;
  }

  /** Returns the number of acknowledged messages. */
  public long ackedCount() {
    return acked.sum();
  }

  /** Returns the number of failed sends. */
  public long failedCount() {
    return failed.sum();
  }

  /** Forgets all latencies recorded so far (end of the warm-up). */
  void resetLatencies() {
    intended.reset();
    send.reset();
    scheduleDelay.reset();
    endToEnd.reset();
  }
}
