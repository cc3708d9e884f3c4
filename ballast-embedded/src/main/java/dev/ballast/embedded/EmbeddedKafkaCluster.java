package dev.ballast.embedded;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.Uuid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Apache Kafka KRaft cluster on 127.0.0.1: one controller and N brokers, each a child JVM
 * running {@code kafka.Kafka}. Brokers can be stopped, killed (-9), restarted on their data, added,
 * slowed down and throttled. Every child dies with this object, with the JVM that created it
 * (shutdown hook), and even when that JVM is killed (each child watches its parent).
 */
public final class EmbeddedKafkaCluster implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(EmbeddedKafkaCluster.class);
  private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
  private static final Duration STOP_GRACE = Duration.ofSeconds(20);
  private static final int BIND_RETRIES = 3;

  private final ClusterSpec spec;
  private final Path root;
  private final String clusterId = Uuid.randomUuid().toString();
  private final List<String> nodeCommand;
  private final CdsArchive cds;
  private volatile int recordingBroker = -1;
  private final KafkaNode controller;
  private final Map<Integer, KafkaNode> brokers = new TreeMap<>();
  private final Map<Integer, FaultProxy> proxies = new TreeMap<>();
  private final Map<Integer, Integer> bindRetries = new TreeMap<>();
  private final Thread shutdownHook;
  private SecurityConfigs security;
  private Map<String, Path> clientFiles = Map.of();
  private Admin admin;
  private boolean closed;

  private EmbeddedKafkaCluster(ClusterSpec spec) throws IOException {
    this.spec = spec;
    Path base = spec.baseDir().orElse(Path.of(System.getProperty("java.io.tmpdir")));
    Files.createDirectories(base);
    ClusterRecord.cleanUpStale(base);
    String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
    this.root =
        Files.createTempDirectory(
            base, ClusterRecord.DIR_PREFIX + stamp + "-" + ProcessHandle.current().pid() + "-");
    String javaHome = System.getProperty("java.home");
    Path cache = Path.of(System.getProperty("user.home"), ".cache", "ballast");
    String classPath = NodeClassPath.of(System.getProperty("java.class.path"), cache);
    this.cds = CdsArchive.forClassPath(javaHome, classPath, cache.resolve("cds"));
    this.nodeCommand = nodeCommand(spec, javaHome, classPath);
    this.controller =
        new KafkaNode(NodeConfigs.CONTROLLER_ID, true, root.resolve("controller"), nodeCommand);
    this.shutdownHook = new Thread(this::closeFromHook, "ballast-embedded-cluster-shutdown");
    Runtime.getRuntime().addShutdownHook(shutdownHook);
  }

  /**
   * Starts a cluster as {@code spec} says and returns when every broker is registered with the
   * controller and reachable.
   *
   * @throws EmbeddedClusterException when a node fails to start, with the end of its log
   */
  public static EmbeddedKafkaCluster start(ClusterSpec spec) {
    requireNonNull(spec, "spec");
    EmbeddedKafkaCluster cluster;
    try {
      cluster = new EmbeddedKafkaCluster(spec);
    } catch (IOException e) {
      throw new EmbeddedClusterException(
          "cannot create the cluster directory: " + e.getMessage(), e);
    }
    try {
      cluster.startAll();
      return cluster;
    } catch (RuntimeException e) {
      cluster.close();
      throw e;
    }
  }

  /** Starts {@code brokers} brokers without racks; see {@link #start(ClusterSpec)}. */
  public static EmbeddedKafkaCluster start(int brokers) {
    return start(ClusterSpec.ofBrokers(brokers));
  }

  private void startAll() {
    security = SecurityConfigs.create(spec.security(), root.resolve("tls"));
    try {
      clientFiles = security.writeClientFiles(root);
    } catch (IOException e) {
      throw new EmbeddedClusterException(
          "cannot write the client properties files in " + root + ": " + e.getMessage(), e);
    }
    int controllerPort = Ports.free();
    controller.setAll(NodeConfigs.controller(controller.dir(), controllerPort));
    controller.setAll(security.controller());
    controller.setAll(spec.brokerConfig());
    List<String> controllerArgs =
        new ArrayList<>(
            List.of(Long.toString(ProcessHandle.current().pid()), clusterId, "--standalone"));
    controllerArgs.addAll(security.formatArgs());
    controller.start(cds.jvmArgs(false), controllerArgs);
    for (int id = 0; id < spec.brokers(); id++) {
      createBroker(id);
    }
    for (KafkaNode broker : brokers.values()) {
      launch(broker);
    }
    recordPids();
    awaitRegistered(brokers.keySet(), START_TIMEOUT);
  }

  private synchronized KafkaNode createBroker(int id) {
    try {
      FaultProxy proxy = new FaultProxy(id, 0);
      KafkaNode node = new KafkaNode(id, false, root.resolve("broker-" + id), nodeCommand);
      int port = Ports.free();
      proxy.retarget(port);
      node.setAll(
          NodeConfigs.broker(
              node.dir(), id, spec.rackOf(id), controllerPort(), port, proxy.port()));
      node.setAll(security.broker(port, proxy.port()));
      node.setAll(spec.extraBrokerProperties());
      node.setAll(spec.brokerConfig());
      brokers.put(id, node);
      proxies.put(id, proxy);
      return node;
    } catch (IOException e) {
      throw new EmbeddedClusterException(
          "cannot open a proxy port for broker " + id + ": " + e.getMessage(), e);
    }
  }

  private int controllerPort() {
    String bootstrap = controller.get("controller.quorum.bootstrap.servers");
    return Integer.parseInt(bootstrap.substring(bootstrap.lastIndexOf(':') + 1));
  }

  private void launch(KafkaNode broker) {
    // Broker 0 of the first cluster records the class-data-sharing archive on its graceful exit.
    boolean recorder = broker.id() == 0 && spec.fastStart();
    List<String> jvm = spec.fastStart() ? cds.jvmArgs(recorder) : List.of();
    if (jvm.stream().anyMatch(a -> a.startsWith(CdsArchive.RECORD_FLAG))) {
      recordingBroker = broker.id();
    }
    broker.start(jvm, List.of(Long.toString(ProcessHandle.current().pid()), clusterId));
  }

  /** Returns {@code host:port,...} of every broker, for {@code bootstrap.servers}. */
  public synchronized String bootstrapServers() {
    return proxies.values().stream()
        .map(p -> "127.0.0.1:" + p.port())
        .collect(Collectors.joining(","));
  }

  /** Returns every broker this cluster has had, running or not, by id. */
  public synchronized List<BrokerInfo> brokers() {
    List<BrokerInfo> list = new ArrayList<>();
    for (KafkaNode b : brokers.values()) {
      list.add(
          new BrokerInfo(
              b.id(),
              spec.rackOf(b.id()),
              "127.0.0.1",
              proxies.get(b.id()).port(),
              b.state(),
              b.pid()));
    }
    return list;
  }

  /** Returns the cluster's data directory (deleted on close). */
  public Path directory() {
    return root;
  }

  /** Returns how clients reach the brokers. */
  public ClusterSecurity security() {
    return spec.security();
  }

  /**
   * Returns the client properties (besides {@code bootstrap.servers}) of the super user: empty for
   * a plaintext cluster, {@code security.protocol} and the truststore or SASL login otherwise.
   */
  public Map<String, String> clientProperties() {
    return clientProperties(SecurityConfigs.ADMIN);
  }

  /**
   * Returns the client properties of {@code user}: {@code admin} (a super user) or {@code guest}
   * (no ACLs) on a SASL cluster; the user is ignored otherwise.
   */
  public Map<String, String> clientProperties(String user) {
    requireNonNull(user, "user");
    if (spec.security().isSasl()
        && !user.equals(SecurityConfigs.ADMIN)
        && !user.equals(SecurityConfigs.GUEST)) {
      throw new EmbeddedClusterException(
          "user " + user + " is not in this cluster (users: admin, guest)");
    }
    return Map.copyOf(security.client(user));
  }

  /**
   * Returns the client properties files written next to the data, by user ({@code admin} and {@code
   * guest} with SASL, {@code admin} with SSL), for {@code --command-config}; empty for a plaintext
   * cluster.
   */
  public Map<String, Path> clientConfigFiles() {
    return clientFiles;
  }

  /** Returns the KRaft cluster id. */
  public String clusterId() {
    return clusterId;
  }

  /** Returns the process ids of every running node, the controller included. */
  public synchronized List<Long> pids() {
    List<Long> pids = new ArrayList<>();
    if (controller.pid() > 0) {
      pids.add(controller.pid());
    }
    brokers.values().stream().mapToLong(KafkaNode::pid).filter(p -> p > 0).forEach(pids::add);
    return pids;
  }

  /** Starts a new broker with the next free id and returns its id once it is registered. */
  public int addBroker() {
    KafkaNode node;
    synchronized (this) {
      checkOpen();
      int id = brokers.isEmpty() ? 0 : ((TreeMap<Integer, KafkaNode>) brokers).lastKey() + 1;
      node = createBroker(id);
      launch(node);
      recordPids();
    }
    awaitRegistered(Set.of(node.id()), START_TIMEOUT);
    return node.id();
  }

  /**
   * Stops broker {@code id} gracefully (controlled shutdown) and returns when its JVM has exited.
   */
  public void stopBroker(int id) {
    KafkaNode node = broker(id);
    node.stop(STOP_GRACE);
    proxies.get(id).disconnectAll();
    recordPids();
  }

  /** Kills broker {@code id} with SIGKILL, losing whatever it had not flushed. */
  public void killBroker(int id) {
    KafkaNode node = broker(id);
    node.kill();
    proxies.get(id).disconnectAll();
    recordPids();
  }

  /** Starts a stopped or killed broker again on its data and returns once it is registered. */
  public void restartBroker(int id) {
    KafkaNode node = broker(id);
    if (node.state() == NodeState.RUNNING) {
      throw new EmbeddedClusterException(
          "broker " + id + " is running; stop or kill it before restarting it");
    }
    launch(node);
    recordPids();
    awaitRegistered(Set.of(id), START_TIMEOUT);
  }

  /** Delays traffic into broker {@code id} by {@code latency} (zero removes the delay). */
  public void setLatency(int id, Duration latency) {
    broker(id);
    proxies.get(id).setLatency(requireNonNull(latency, "latency"));
  }

  /** Caps traffic to and from broker {@code id} at {@code bytesPerSecond} each way (0: no cap). */
  public void setBandwidth(int id, long bytesPerSecond) {
    broker(id);
    proxies.get(id).setBandwidth(bytesPerSecond);
  }

  /** Returns the brokers the controller currently reports as registered and unfenced. */
  public Set<Integer> registeredBrokers() {
    try {
      return admin()
          .describeCluster(new DescribeClusterOptions().timeoutMs(5_000))
          .nodes()
          .get(6, TimeUnit.SECONDS)
          .stream()
          .map(Node::id)
          .collect(Collectors.toSet());
    } catch (ExecutionException | TimeoutException e) {
      return Set.of();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Set.of();
    }
  }

  /** Returns when every broker in {@code ids} is registered, or throws after {@code timeout}. */
  public void awaitRegistered(Set<Integer> ids, Duration timeout) {
    Conditions.await(
        "brokers " + ids + " to register with the controller",
        timeout,
        () -> registeredBrokers().containsAll(ids),
        this::checkNodesAlive);
  }

  private synchronized Admin admin() {
    checkOpen();
    if (admin == null) {
      Properties p = new Properties();
      p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
      p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
      p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "6000");
      p.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, "500");
      p.putAll(security.client(SecurityConfigs.ADMIN));
      admin = Admin.create(p);
    }
    return admin;
  }

  /** Throws when a node that should run has died; restarts one that lost a port race. */
  private synchronized void checkNodesAlive() {
    if (controller.state() != NodeState.RUNNING) {
      throw new EmbeddedClusterException(
          "the KRaft controller exited while starting; its log "
              + controller.logFile()
              + " ends with:\n"
              + controller.logTail(15));
    }
    for (KafkaNode b : brokers.values()) {
      Process p = b.process();
      if (p == null || p.isAlive() || b.state() == NodeState.STOPPED) {
        continue;
      }
      if (b.state() == NodeState.KILLED && p.exitValue() != 137 && retryOnBindRace(b)) {
        continue;
      }
      if (p.exitValue() != 137) {
        throw new EmbeddedClusterException(
            "broker "
                + b.id()
                + " exited with code "
                + p.exitValue()
                + " while starting; its log "
                + b.logFile()
                + " ends with:\n"
                + b.logTail(15));
      }
    }
  }

  private boolean retryOnBindRace(KafkaNode b) {
    if (!b.logTail(200).contains("Address already in use")) {
      return false;
    }
    int tries = bindRetries.merge(b.id(), 1, Integer::sum);
    if (tries > BIND_RETRIES) {
      return false;
    }
    int port = Ports.free();
    b.set("listeners", security.listener(port));
    proxies.get(b.id()).retarget(port);
    log.warn("broker {} lost a race for its port; restarting it on port {}", b.id(), port);
    launch(b);
    recordPids();
    return true;
  }

  private synchronized KafkaNode broker(int id) {
    checkOpen();
    KafkaNode node = brokers.get(id);
    if (node == null) {
      throw new EmbeddedClusterException(
          "broker " + id + " is not in this cluster (brokers: " + brokers.keySet() + ")");
    }
    return node;
  }

  private synchronized void recordPids() {
    Map<Integer, Process> children = new TreeMap<>();
    if (controller.process() != null) {
      children.put(controller.id(), controller.process());
    }
    brokers.values().stream()
        .filter(b -> b.process() != null)
        .forEach(b -> children.put(b.id(), b.process()));
    try {
      ClusterRecord.write(root, children);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot record the cluster's process ids in " + root, e);
    }
  }

  private void checkOpen() {
    if (closed) {
      throw new EmbeddedClusterException("the embedded cluster is closed");
    }
  }

  /**
   * Stops every node (brokers first, then the controller; killed, since the data goes) and deletes
   * the data.
   */
  @Override
  public void close() {
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
    }
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException e) {
      // the JVM is already shutting down and running this from the hook
    }
    shutDown();
  }

  private void closeFromHook() {
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
    }
    shutDown();
  }

  private void shutDown() {
    if (admin != null) {
      admin.close(Duration.ofSeconds(2));
    }
    // The data is deleted next, so nothing is gained by a controlled shutdown; and brokers that
    // shut down together wait on each other to take over leadership until the grace runs out
    // (about 20 s per cluster, on every test and demo run).
    // Only a broker recording the class-data-sharing archive stops gracefully: the JVM writes the
    // archive as it exits.
    List<Thread> stoppers = new ArrayList<>();
    for (KafkaNode b : brokers.values()) {
      Runnable stop = b.id() == recordingBroker ? () -> b.stop(STOP_GRACE) : b::kill;
      Thread t = new Thread(stop, "ballast-stop-broker-" + b.id());
      t.start();
      stoppers.add(t);
    }
    join(stoppers);
    controller.kill();
    proxies.values().forEach(FaultProxy::close);
    cds.publish();
    try {
      Directories.delete(root);
    } catch (IOException e) {
      log.warn("could not delete the embedded cluster's directory {}: {}", root, e.toString());
    }
  }

  private static void join(List<Thread> threads) {
    for (Thread t : threads) {
      try {
        t.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private static List<String> nodeCommand(ClusterSpec spec, String javaHome, String classPath) {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(javaHome, "bin", "java").toString());
    cmd.add("-Xmx" + spec.brokerHeapMb() + "m");
    cmd.add("-Xms32m");
    cmd.add("-Xss512k");
    cmd.add("-XX:+UseSerialGC");
    if (spec.fastStart()) {
      cmd.add("-XX:TieredStopAtLevel=1");
    }
    cmd.add("-Djava.awt.headless=true");
    cmd.add("-Dorg.slf4j.simpleLogger.defaultLogLevel=warn");
    cmd.add("-Dorg.slf4j.simpleLogger.showDateTime=true");
    cmd.add("-cp");
    cmd.add(classPath);
    cmd.add(NodeMain.class.getName());
    return cmd;
  }

  /** Returns the ids of brokers that are not running. */
  public synchronized Set<Integer> downBrokers() {
    Set<Integer> down = new HashSet<>();
    brokers.values().stream()
        .filter(b -> b.state() != NodeState.RUNNING)
        .forEach(b -> down.add(b.id()));
    return down;
  }
}
