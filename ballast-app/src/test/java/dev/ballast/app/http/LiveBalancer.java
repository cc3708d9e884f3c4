package dev.ballast.app.http;

import dev.ballast.app.balance.BalancerListener;
import dev.ballast.app.balance.BalancerService;
import dev.ballast.app.balance.BalancerSettings;
import dev.ballast.app.balance.ServiceAgent;
import dev.ballast.core.loop.AgentRunner;
import dev.ballast.core.loop.ErrorHandler;
import dev.ballast.core.loop.ParkingIdleStrategy;
import dev.ballast.embedded.ClusterSpec;
import dev.ballast.embedded.EmbeddedKafkaCluster;
import dev.ballast.kafka.ClientSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * A balancer in approval mode on a real embedded 3-broker cluster with a skewed topic (6 partitions
 * placed 4-1-1, a steady trickle of produce load), serving HTTP on a free loopback port. Close
 * stops everything it started, in reverse order, even after a failed start.
 */
public final class LiveBalancer implements AutoCloseable {

  /** The skewed topic. */
  public static final String TOPIC = "skewed";

  private final List<AutoCloseable> started = new ArrayList<>();
  private final List<String> errors = new CopyOnWriteArrayList<>();
  private EmbeddedKafkaCluster cluster;
  private BalancerService service;
  private BallastHttpServer server;

  private LiveBalancer() {}

  /** Starts the cluster, the load, the balancer and its HTTP server. */
  public static LiveBalancer start() throws Exception {
    return start(UnaryOperator.identity());
  }

  /** Starts everything, with the balancer's settings changed by {@code tweak}. */
  public static LiveBalancer start(UnaryOperator<BalancerSettings> tweak) throws Exception {
    LiveBalancer live = new LiveBalancer();
    try {
      live.startAll(tweak);
      return live;
    } catch (Exception | Error e) {
      live.close();
      throw e;
    }
  }

  private void startAll(UnaryOperator<BalancerSettings> tweak) throws Exception {
    cluster = EmbeddedKafkaCluster.start(ClusterSpec.ofBrokers(3));
    started.add(cluster);
    String bootstrap = cluster.bootstrapServers();
    Properties p = new Properties();
    p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    Admin admin = Admin.create(p);
    started.add(() -> admin.close(Duration.ofSeconds(5)));
    Map<Integer, List<Integer>> placement =
        Map.of(
            0,
            List.of(0),
            1,
            List.of(0),
            2,
            List.of(0),
            3,
            List.of(0),
            4,
            List.of(1),
            5,
            List.of(2));
    admin.createTopics(List.of(new NewTopic(TOPIC, placement))).all().get(30, TimeUnit.SECONDS);
    startLoad(bootstrap);
    BalancerSettings settings =
        tweak.apply(
            BalancerSettings.defaults()
                .withSampling(Duration.ofSeconds(1), 2)
                .withCanary(true, Duration.ofSeconds(1))
                .withDryRun(true));
    service =
        new BalancerService(
            admin,
            ClientSettings.of(bootstrap),
            settings,
            System::nanoTime,
            new BalancerListener() {
              @Override
              public void onError(String message, Exception e) {
                errors.add(message);
              }
            });
    started.add(service);
    AgentRunner runner =
        AgentRunner.start(
            new ServiceAgent(
                "live-balancer",
                System::nanoTime,
                service::doWork,
                () -> false,
                Duration.ofMinutes(15)),
            ParkingIdleStrategy.parkingUpTo(Duration.ofMillis(50)),
            e -> {
              if (!(e instanceof Exception ex)) {
                return ErrorHandler.Decision.STOP;
              }
              service.reportError(String.valueOf(ex), ex);
              return ErrorHandler.Decision.continueAfter(Duration.ofMillis(500));
            });
    started.add(() -> runner.stop(Duration.ofSeconds(30)));
    server = BallastHttpServer.start("127.0.0.1", 0, null, service);
    started.add(server);
  }

  private void startLoad(String bootstrap) {
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(ProducerConfig.LINGER_MS_CONFIG, "5");
    KafkaProducer<byte[], byte[]> producer =
        new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer());
    started.add(() -> producer.close(Duration.ofSeconds(5)));
    ScheduledExecutorService load = Executors.newSingleThreadScheduledExecutor();
    started.add(
        () -> {
          load.shutdownNow();
          load.awaitTermination(10, TimeUnit.SECONDS);
        });
    byte[] value = new byte[1000];
    // about 600 messages/s and 600 kB/s, every partition the same: the 4-1-1 placement is skewed
    load.scheduleAtFixedRate(
        () -> {
          for (int i = 0; i < 30; i++) {
            producer.send(new ProducerRecord<>(TOPIC, i % 6, null, value));
          }
        },
        0,
        50,
        TimeUnit.MILLISECONDS);
  }

  /** Returns the embedded cluster. */
  public EmbeddedKafkaCluster cluster() {
    return cluster;
  }

  /** Returns the balancer service. */
  public BalancerService service() {
    return service;
  }

  /** Returns the HTTP server. */
  public BallastHttpServer server() {
    return server;
  }

  /** Returns the errors the balancer reported so far. */
  public List<String> errors() {
    return List.copyOf(errors);
  }

  @Override
  public void close() throws Exception {
    Exception first = null;
    for (int i = started.size() - 1; i >= 0; i--) {
      try {
        started.get(i).close();
      } catch (Exception e) {
        if (first == null) {
          first = e;
        } else {
          first.addSuppressed(e);
        }
      }
    }
    started.clear();
    if (first != null) {
      throw first;
    }
  }
}
