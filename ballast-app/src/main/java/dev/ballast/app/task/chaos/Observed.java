package dev.ballast.app.task.chaos;

import static java.util.Objects.requireNonNull;

import dev.ballast.app.task.ObservationKey;
import dev.ballast.workload.continuity.ContinuityVerdict;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the fault tasks record for their checkers, and the keys they record it under. Times are
 * nanoseconds on the run's clock; -1 means "did not happen".
 */
public final class Observed {

  private Observed() {}

  /** The broker fault of a chaos run and what followed. */
  public static final ObservationKey<Fault> FAULT = ObservationKey.of("chaos.fault", Fault.class);

  /** The produce rate around the fault. */
  public static final ObservationKey<Throughput> THROUGHPUT =
      ObservationKey.of("chaos.throughput", Throughput.class);

  /** The load's end: continuity, counts, latency. */
  public static final ObservationKey<Load> LOAD = ObservationKey.of("chaos.load", Load.class);

  /** Leadership from the moment it was skewed to the end. */
  public static final ObservationKey<Balance> BALANCE =
      ObservationKey.of("chaos.balance", Balance.class);

  /** Every broker's stop and return in a rolling restart. */
  public static final ObservationKey<Rolling> ROLLING =
      ObservationKey.of("chaos.rolling", Rolling.class);

  /**
   * A broker killed and restarted.
   *
   * @param broker the broker
   * @param killNanos when it was killed
   * @param leadersBackNanos when every partition was first seen led by a live broker, or -1
   * @param restartNanos when it was registered again, or -1
   * @param isrBackNanos when it was first seen in every ISR of its replicas, or -1
   */
  public record Fault(
      int broker, long killNanos, long leadersBackNanos, long restartNanos, long isrBackNanos) {

    /** Returns this fault with the leaders back at {@code nanos}. */
    public Fault leadersBackAt(long nanos) {
      return new Fault(broker, killNanos, nanos, restartNanos, isrBackNanos);
    }

    /** Returns this fault with the broker restarted at {@code nanos}. */
    public Fault restartedAt(long nanos) {
      return new Fault(broker, killNanos, leadersBackNanos, nanos, isrBackNanos);
    }

    /** Returns this fault with the broker back in every ISR at {@code nanos}. */
    public Fault inSyncAt(long nanos) {
      return new Fault(broker, killNanos, leadersBackNanos, restartNanos, nanos);
    }
  }

  /**
   * One reporting period's acknowledged rate.
   *
   * @param nanos the end of the period
   * @param perSecond acknowledged messages per second in it
   */
  public record RateSample(long nanos, double perSecond) {}

  /**
   * One reporting period's produce latencies, in milliseconds.
   *
   * @param nanos the end of the period
   * @param intendedP99 p99 from the intended send time (what the checkers judge)
   * @param sendP99 p99 from the actual {@code send()} call to the acknowledgement (the cluster)
   * @param scheduleDelayMax the longest a send started after its intended time (the producer
   *     blocked: metadata, a full buffer)
   */
  public record LatencySample(
      long nanos, double intendedP99, double sendP99, double scheduleDelayMax) {}

  /**
   * The produce rate over a run, against its target.
   *
   * @param targetPerSecond the producers' target rate
   * @param faultNanos when the fault struck, or -1
   * @param samples one per reporting period, in order
   */
  public record Throughput(double targetPerSecond, long faultNanos, List<RateSample> samples) {

    /** Copies. */
    public Throughput {
      samples = List.copyOf(samples);
    }
  }

  /**
   * How the load ended.
   *
   * @param continuity the continuity verdict of the checking consumer group
   * @param sent messages sent
   * @param acked messages acknowledged
   * @param failed messages the cluster refused or timed out
   * @param p99Millis produce latency p99 from the intended send time, after the warm-up
   * @param drained whether the consumers read every acknowledged message before the deadline
   */
  public record Load(
      ContinuityVerdict continuity,
      long sent,
      long acked,
      long failed,
      double p99Millis,
      boolean drained) {

    /** Validates. */
    public Load {
      requireNonNull(continuity, "continuity");
    }
  }

  /**
   * Leadership of the task's partitions from a skew to the end.
   *
   * @param balancer who restores it: {@code ballast} (a preferred-leader election) or {@code
   *     external} (only watched)
   * @param skewed leaders per broker when the skew was seen
   * @param end leaders per broker at the end
   * @param skewNanos when the skew was seen
   * @param balancedNanos when leadership was first seen even again, or -1
   * @param endNanos when watching ended
   */
  public record Balance(
      String balancer,
      Map<Integer, Integer> skewed,
      Map<Integer, Integer> end,
      long skewNanos,
      long balancedNanos,
      long endNanos) {

    /** Copies, sorted by broker. */
    public Balance {
      requireNonNull(balancer, "balancer");
      skewed = java.util.Collections.unmodifiableMap(new TreeMap<>(skewed));
      end = java.util.Collections.unmodifiableMap(new TreeMap<>(end));
    }
  }

  /**
   * One broker's turn in a rolling restart.
   *
   * @param broker the broker
   * @param stopNanos when its controlled shutdown began
   * @param restartNanos when it was registered again, or -1
   * @param isrBackNanos when it was back in every ISR, or -1
   */
  public record Restart(int broker, long stopNanos, long restartNanos, long isrBackNanos) {

    /** Returns seconds from stop to back in every ISR, or -1. */
    public double seconds() {
      return isrBackNanos < 0 ? -1 : (isrBackNanos - stopNanos) / 1e9;
    }
  }

  /**
   * A rolling restart.
   *
   * @param brokers the brokers to restart, in order
   * @param restarts the turns taken, in order
   */
  public record Rolling(List<Integer> brokers, List<Restart> restarts) {

    /** Copies. */
    public Rolling {
      brokers = List.copyOf(brokers);
      restarts = List.copyOf(restarts);
    }
  }
}
