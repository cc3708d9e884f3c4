package dev.ballast.kafka.sample;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * Takes a sample every {@code interval} into a window of the last N samples. It does one step of
 * work per {@link #doWork(long)} call, so a runner decides threads and back-off.
 */
public final class LoadSampler {

  private final SampleCollector collector;
  private final LoadWindow window;
  private final LoadOverlay overlay;
  private final long intervalNanos;
  private long nextSampleNanos = Long.MIN_VALUE;
  private LoadEstimate latest;

  /** Creates a sampler that keeps {@code samples} samples taken every {@code interval}. */
  public LoadSampler(SampleCollector collector, int samples, Duration interval) {
    this(collector, samples, interval, LoadOverlay.NONE);
  }

  /**
   * Creates a sampler as above whose estimates carry {@code overlay}'s measured figures; the
   * overlay reads once after every sample.
   */
  public LoadSampler(
      SampleCollector collector, int samples, Duration interval, LoadOverlay overlay) {
    this.collector = requireNonNull(collector, "collector");
    this.window = new LoadWindow(samples);
    this.intervalNanos = requireNonNull(interval, "interval").toNanos();
    this.overlay = requireNonNull(overlay, "overlay");
    this.latest = window.estimate();
  }

  /** Takes a sample when one is due at {@code nowNanos}; returns 1 when it did, 0 otherwise. */
  public int doWork(long nowNanos) {
    if (nextSampleNanos != Long.MIN_VALUE && nowNanos - nextSampleNanos < 0) {
      return 0;
    }
    ClusterSample sample = collector.collect();
    window.add(sample);
    overlay.sample();
    latest = overlay.apply(window.estimate());
    nextSampleNanos = nowNanos + intervalNanos;
    return 1;
  }

  /** Returns the estimate from the samples held so far. */
  public LoadEstimate estimate() {
    return latest;
  }

  /** Returns whether the window is full, so the estimate covers the whole configured span. */
  public boolean isWarm() {
    return window.isFull();
  }

  /** Forgets the samples (after a reassignment, sizes and leaders changed). */
  public void reset() {
    window.clear();
    overlay.clear();
    latest = window.estimate();
    nextSampleNanos = Long.MIN_VALUE;
  }
}
