package dev.ballast.core.fix;

/**
 * What the renderers need to know that the diagnosis does not: where the cluster is and what its
 * resources are called. A null name renders as a placeholder the operator must fill in.
 *
 * @param bootstrapServers {@code host:port[,...]} of the cluster, or null
 * @param commandConfig the client properties file for Kafka's tools (TLS, SASL), or null
 * @param clusterArn the MSK cluster ARN, or null
 * @param throttleBytesPerSec the replication throttle while replicas are copied, bytes/s
 * @param batchSize the most partitions in one reassignment batch
 * @param terraformResource the name of the {@code aws_msk_cluster} resource
 * @param pulumiResource the name of the Pulumi {@code aws.msk.Cluster}
 * @param strimziCluster the name of the Strimzi {@code Kafka} resource
 * @param strimziNodePool the name of the Strimzi {@code KafkaNodePool} holding the brokers
 */
public record FixContext(
    String bootstrapServers,
    String commandConfig,
    String clusterArn,
    long throttleBytesPerSec,
    int batchSize,
    String terraformResource,
    String pulumiResource,
    String strimziCluster,
    String strimziNodePool) {

  /** The most partitions per reassignment batch AWS advises for MSK. */
  public static final int DEFAULT_BATCH_SIZE = 10;

  /** The default replication throttle: 10 MiB/s. */
  public static final long DEFAULT_THROTTLE = 10L << 20;

  /** Validates the figures. */
  public FixContext {
    if (throttleBytesPerSec < 1) {
      throw new IllegalArgumentException(
          "the replication throttle must be >= 1 byte/s, got " + throttleBytesPerSec);
    }
    if (batchSize < 1) {
      throw new IllegalArgumentException("the batch size must be >= 1, got " + batchSize);
    }
  }

  /** Returns a context with no names: placeholders everywhere, default throttle and batches. */
  public static FixContext defaults() {
    return new FixContext(
        null,
        null,
        null,
        DEFAULT_THROTTLE,
        DEFAULT_BATCH_SIZE,
        "this",
        "cluster",
        "my-cluster",
        "broker");
  }

  /** Returns a copy for the cluster at {@code servers} with {@code config} (null for none). */
  public FixContext withConnection(String servers, String config) {
    return new FixContext(
        servers,
        config,
        clusterArn,
        throttleBytesPerSec,
        batchSize,
        terraformResource,
        pulumiResource,
        strimziCluster,
        strimziNodePool);
  }

  /** Returns a copy for the MSK cluster {@code arn}. */
  public FixContext withClusterArn(String arn) {
    return new FixContext(
        bootstrapServers,
        commandConfig,
        arn,
        throttleBytesPerSec,
        batchSize,
        terraformResource,
        pulumiResource,
        strimziCluster,
        strimziNodePool);
  }

  /** Returns a copy with a replication throttle of {@code bytesPerSec}. */
  public FixContext withThrottle(long bytesPerSec) {
    return new FixContext(
        bootstrapServers,
        commandConfig,
        clusterArn,
        bytesPerSec,
        batchSize,
        terraformResource,
        pulumiResource,
        strimziCluster,
        strimziNodePool);
  }

  /** Returns a copy with the given resource names (a null keeps the current one). */
  public FixContext withNames(String terraform, String pulumi, String cluster, String pool) {
    return new FixContext(
        bootstrapServers,
        commandConfig,
        clusterArn,
        throttleBytesPerSec,
        batchSize,
        terraform == null ? terraformResource : terraform,
        pulumi == null ? pulumiResource : pulumi,
        cluster == null ? strimziCluster : cluster,
        pool == null ? strimziNodePool : pool);
  }
}
