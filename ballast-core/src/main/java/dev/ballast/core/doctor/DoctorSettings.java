package dev.ballast.core.doctor;

/**
 * The thresholds the doctor judges by, with their defaults in {@link #defaults()}.
 *
 * @param brokerCapacityBytesPerSec the network each broker sustains, in and out separately, in
 *     bytes/s; 0 when unknown (then a broker's own {@link dev.ballast.core.model.Capacity} is used)
 * @param targetUtilisation the fraction of capacity a broker should run at after the fix (0.7)
 * @param alarmUtilisation the fraction of capacity above which a broker counts as overloaded (0.8)
 * @param availabilityZones the number of availability zones (or racks) brokers are spread over; 0
 *     to count the racks in the model (1 when there are none)
 * @param maxPartitionsPerBroker the most replicas a broker should hold
 * @param slowBrokerFactor a broker is slow when its canary latency is at least this many times the
 *     median of its peers
 * @param slowBrokerMinMillis and at least this many milliseconds
 * @param leaderImbalanceRatio a broker is skewed when more than this fraction of the partitions it
 *     prefers to lead are led elsewhere (Kafka's {@code leader.imbalance.per.broker.percentage})
 */
public record DoctorSettings(
    double brokerCapacityBytesPerSec,
    double targetUtilisation,
    double alarmUtilisation,
    int availabilityZones,
    int maxPartitionsPerBroker,
    double slowBrokerFactor,
    double slowBrokerMinMillis,
    double leaderImbalanceRatio) {

  /** Validates every figure. */
  public DoctorSettings {
    if (!(brokerCapacityBytesPerSec >= 0 && Double.isFinite(brokerCapacityBytesPerSec))) {
      throw new IllegalArgumentException(
          "broker capacity must be >= 0 bytes/s, got " + brokerCapacityBytesPerSec);
    }
    if (!(targetUtilisation > 0 && targetUtilisation <= 1)) {
      throw new IllegalArgumentException(
          "target utilisation must be in (0, 1], got " + targetUtilisation);
    }
    if (!(alarmUtilisation > 0 && alarmUtilisation <= 1)) {
      throw new IllegalArgumentException(
          "alarm utilisation must be in (0, 1], got " + alarmUtilisation);
    }
    if (availabilityZones < 0) {
      throw new IllegalArgumentException(
          "availability zones must be >= 0 (0: count racks), got " + availabilityZones);
    }
    if (maxPartitionsPerBroker < 1) {
      throw new IllegalArgumentException(
          "partitions per broker limit must be >= 1, got " + maxPartitionsPerBroker);
    }
    if (!(slowBrokerFactor > 1)) {
      throw new IllegalArgumentException("slow broker factor must be > 1, got " + slowBrokerFactor);
    }
    if (!(slowBrokerMinMillis >= 0)) {
      throw new IllegalArgumentException(
          "slow broker minimum latency must be >= 0 ms, got " + slowBrokerMinMillis);
    }
    if (!(leaderImbalanceRatio >= 0 && leaderImbalanceRatio < 1)) {
      throw new IllegalArgumentException(
          "leader imbalance ratio must be in [0, 1), got " + leaderImbalanceRatio);
    }
  }

  /**
   * Returns the defaults: capacity unknown, 70% target, 80% alarm, zones from racks, 4000
   * partitions per broker, slow at 3x the peers' median and 50 ms, 10% leader imbalance.
   */
  public static DoctorSettings defaults() {
    return new DoctorSettings(0, 0.7, 0.8, 0, 4000, 3.0, 50, 0.10);
  }

  /** Returns a copy with {@code bytesPerSec} of capacity per broker. */
  public DoctorSettings withBrokerCapacity(double bytesPerSec) {
    return new DoctorSettings(
        bytesPerSec,
        targetUtilisation,
        alarmUtilisation,
        availabilityZones,
        maxPartitionsPerBroker,
        slowBrokerFactor,
        slowBrokerMinMillis,
        leaderImbalanceRatio);
  }

  /** Returns a copy with {@code zones} availability zones. */
  public DoctorSettings withAvailabilityZones(int zones) {
    return new DoctorSettings(
        brokerCapacityBytesPerSec,
        targetUtilisation,
        alarmUtilisation,
        zones,
        maxPartitionsPerBroker,
        slowBrokerFactor,
        slowBrokerMinMillis,
        leaderImbalanceRatio);
  }

  /** Returns a copy with {@code utilisation} as the target after the fix. */
  public DoctorSettings withTargetUtilisation(double utilisation) {
    return new DoctorSettings(
        brokerCapacityBytesPerSec,
        utilisation,
        alarmUtilisation,
        availabilityZones,
        maxPartitionsPerBroker,
        slowBrokerFactor,
        slowBrokerMinMillis,
        leaderImbalanceRatio);
  }

  /** Returns a copy with {@code limit} partitions per broker. */
  public DoctorSettings withMaxPartitionsPerBroker(int limit) {
    return new DoctorSettings(
        brokerCapacityBytesPerSec,
        targetUtilisation,
        alarmUtilisation,
        availabilityZones,
        limit,
        slowBrokerFactor,
        slowBrokerMinMillis,
        leaderImbalanceRatio);
  }
}
