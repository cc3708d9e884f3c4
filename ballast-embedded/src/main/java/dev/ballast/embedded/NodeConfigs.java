package dev.ballast.embedded;

import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * Ballast's defaults for embedded nodes: small, fast to start and restart, and unable to fill the
 * disk during a long demo.
 */
final class NodeConfigs {

  static final int CONTROLLER_ID = 1000;

  private NodeConfigs() {}

  /** Returns the configuration of the single KRaft controller listening on {@code port}. */
  static Map<String, String> controller(Path dir, int port) {
    Map<String, String> c = common(dir, port);
    c.put("process.roles", "controller");
    c.put("node.id", Integer.toString(CONTROLLER_ID));
    c.put("listeners", "CONTROLLER://127.0.0.1:" + port);
    c.put("listener.security.protocol.map", "CONTROLLER:PLAINTEXT");
    // Without these a broker restarted after a stop waits ~10 s to be accepted again.
    c.put("broker.session.timeout.ms", "3000");
    c.put("broker.heartbeat.interval.ms", "500");
    return c;
  }

  /**
   * Returns a broker's configuration: it binds {@code port} but advertises {@code advertisedPort}
   * (its fault proxy), so clients and other brokers all go through the proxy.
   */
  static Map<String, String> broker(
      Path dir, int id, String rack, int controllerPort, int port, int advertisedPort) {
    Map<String, String> c = common(dir, controllerPort);
    c.put("process.roles", "broker");
    c.put("node.id", Integer.toString(id));
    c.put("listeners", "PLAINTEXT://127.0.0.1:" + port);
    c.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + advertisedPort);
    c.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
    c.put("inter.broker.listener.name", "PLAINTEXT");
    if (rack != null) {
      c.put("broker.rack", rack);
    }
    c.put("broker.heartbeat.interval.ms", "500");
    c.put("broker.session.timeout.ms", "3000");
    // Brokers start with the controller and retry until it listens: retry often, not every second.
    c.put("reconnect.backoff.ms", "20");
    c.put("reconnect.backoff.max.ms", "200");
    c.put("offsets.topic.replication.factor", "1");
    c.put("offsets.topic.num.partitions", "6");
    c.put("transaction.state.log.replication.factor", "1");
    c.put("transaction.state.log.min.isr", "1");
    c.put("transaction.state.log.num.partitions", "6");
    c.put("share.coordinator.state.topic.replication.factor", "1");
    c.put("share.coordinator.state.topic.min.isr", "1");
    c.put("group.initial.rebalance.delay.ms", "0");
    // The 128 MiB default makes a small heap die with OutOfMemoryError at start.
    c.put("log.cleaner.dedupe.buffer.size", Integer.toString(8 * 1024 * 1024));
    c.put("num.network.threads", "2");
    c.put("num.io.threads", "4");
    c.put("num.recovery.threads.per.data.dir", "1");
    c.put("auto.create.topics.enable", "true");
    // A 20 s max-rate run writes gigabytes: cap what each partition keeps.
    c.put("log.segment.bytes", Integer.toString(32 * 1024 * 1024));
    c.put("log.retention.bytes", Long.toString(128L * 1024 * 1024));
    c.put("log.retention.check.interval.ms", "10000");
    c.put("log.segment.delete.delay.ms", "1000");
    return c;
  }

  private static Map<String, String> common(Path dir, int controllerPort) {
    Map<String, String> c = new TreeMap<>();
    c.put("log.dirs", dir.resolve("data").toString());
    c.put("controller.listener.names", "CONTROLLER");
    c.put("controller.quorum.bootstrap.servers", "127.0.0.1:" + controllerPort);
    return c;
  }
}
