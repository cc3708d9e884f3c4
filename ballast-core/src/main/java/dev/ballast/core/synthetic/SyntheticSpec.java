package dev.ballast.core.synthetic;

/**
 * What synthetic cluster to build.
 *
 * @param brokers number of brokers (ids 0..brokers-1)
 * @param partitions number of partitions over all topics
 * @param rf replication factor of every partition
 * @param racks number of racks (broker i on rack "r" + i % racks), 0 for none
 * @param skew fraction of replicas placed on the first quarter of the brokers on purpose (0: even
 *     random placement; the rest is spread uniformly)
 * @param seed the random seed: the same spec builds the same cluster
 */
public record SyntheticSpec(
    int brokers, int partitions, int rf, int racks, double skew, long seed) {

  /** Validates the figures. */
  public SyntheticSpec {
    if (brokers < 1 || partitions < 0 || rf < 1 || racks < 0) {
      throw new IllegalArgumentException("need brokers >= 1, partitions >= 0, rf >= 1, racks >= 0");
    }
    if (rf > brokers) {
      throw new IllegalArgumentException(
          "replication factor " + rf + " needs at least " + rf + " brokers, got " + brokers);
    }
    if (!(skew >= 0 && skew <= 1)) {
      throw new IllegalArgumentException("skew must be in [0, 1], got " + skew);
    }
  }
}
