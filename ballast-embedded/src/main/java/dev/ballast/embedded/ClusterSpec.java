package dev.ballast.embedded;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What to start: the number of brokers, their racks, the child JVMs' heap and any extra broker
 * properties.
 *
 * @param brokers number of brokers to start (1..16); broker ids are 0..brokers-1
 * @param racks racks assigned round-robin to brokers (broker i gets {@code racks[i % size]}); empty
 *     for no rack
 * @param brokerHeapMb the {@code -Xmx} of every broker JVM
 * @param fastStart start JVMs with C1 only and a class-data-sharing archive (seconds faster to
 *     start, slower under heavy load)
 * @param extraBrokerProperties broker properties that override Ballast's defaults
 * @param baseDir where the cluster's temp dir goes; empty for the system temp dir
 * @param security how clients reach the brokers (plaintext, SASL with ACLs, TLS)
 * @param brokerConfig the user's settings ({@code --broker-config}), applied last to every broker
 *     and to the KRaft controller (which reads the controller-side ones, such as automatic leader
 *     rebalancing)
 */
public record ClusterSpec(
    int brokers,
    List<String> racks,
    int brokerHeapMb,
    boolean fastStart,
    Map<String, String> extraBrokerProperties,
    Optional<Path> baseDir,
    ClusterSecurity security,
    Map<String, String> brokerConfig) {

  /** The most brokers one embedded cluster may have. */
  public static final int MAX_BROKERS = 16;

  /** Validates the spec. */
  public ClusterSpec {
    if (brokers < 1 || brokers > MAX_BROKERS) {
      throw new IllegalArgumentException(
          "the embedded cluster takes 1 to " + MAX_BROKERS + " brokers, not " + brokers);
    }
    racks = List.copyOf(requireNonNull(racks, "racks"));
    for (String rack : racks) {
      if (rack.isBlank()) {
        throw new IllegalArgumentException("rack names must not be blank: " + racks);
      }
    }
    if (brokerHeapMb < 96) {
      throw new IllegalArgumentException("broker heap must be at least 96 MB, not " + brokerHeapMb);
    }
    extraBrokerProperties =
        Map.copyOf(requireNonNull(extraBrokerProperties, "extraBrokerProperties"));
    requireNonNull(baseDir, "baseDir");
    requireNonNull(security, "security");
    brokerConfig = Map.copyOf(requireNonNull(brokerConfig, "brokerConfig"));
  }

  /** Returns a spec for {@code brokers} brokers without racks and with the defaults. */
  public static ClusterSpec ofBrokers(int brokers) {
    return new ClusterSpec(
        brokers, List.of(), 192, true, Map.of(), Optional.empty(), ClusterSecurity.NONE, Map.of());
  }

  /** Returns this spec with brokers assigned round-robin to {@code racks}. */
  public ClusterSpec withRacks(List<String> racks) {
    return new ClusterSpec(
        brokers,
        racks,
        brokerHeapMb,
        fastStart,
        extraBrokerProperties,
        baseDir,
        security,
        brokerConfig);
  }

  /** Returns this spec with {@code heapMb} per broker JVM. */
  public ClusterSpec withBrokerHeapMb(int heapMb) {
    return new ClusterSpec(
        brokers, racks, heapMb, fastStart, extraBrokerProperties, baseDir, security, brokerConfig);
  }

  /** Returns this spec with fast start on or off (off: full JIT, for throughput benchmarks). */
  public ClusterSpec withFastStart(boolean fast) {
    return new ClusterSpec(
        brokers, racks, brokerHeapMb, fast, extraBrokerProperties, baseDir, security, brokerConfig);
  }

  /** Returns this spec with {@code props} overriding Ballast's broker defaults. */
  public ClusterSpec withBrokerProperties(Map<String, String> props) {
    return new ClusterSpec(
        brokers, racks, brokerHeapMb, fastStart, props, baseDir, security, brokerConfig);
  }

  /** Returns this spec with the cluster's temp dir created under {@code dir}. */
  public ClusterSpec withBaseDir(Path dir) {
    return new ClusterSpec(
        brokers,
        racks,
        brokerHeapMb,
        fastStart,
        extraBrokerProperties,
        Optional.of(dir),
        security,
        brokerConfig);
  }

  /** Returns this spec with clients reaching the brokers as {@code security} says. */
  public ClusterSpec withSecurity(ClusterSecurity security) {
    return new ClusterSpec(
        brokers,
        racks,
        brokerHeapMb,
        fastStart,
        extraBrokerProperties,
        baseDir,
        security,
        brokerConfig);
  }

  /**
   * Returns this spec with the user's {@code config} applied last to every broker and to the
   * controller.
   *
   * @throws IllegalArgumentException naming an unknown key or a bad value ({@link
   *     BrokerConfigs#validate})
   */
  public ClusterSpec withBrokerConfig(Map<String, String> config) {
    return new ClusterSpec(
        brokers,
        racks,
        brokerHeapMb,
        fastStart,
        extraBrokerProperties,
        baseDir,
        security,
        BrokerConfigs.validate(config));
  }

  /** Returns the rack of broker {@code id}, or null without racks. */
  String rackOf(int id) {
    return racks.isEmpty() ? null : racks.get(id % racks.size());
  }
}
