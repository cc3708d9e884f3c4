package dev.ballast.app.balance;

import static java.util.Objects.requireNonNull;

import dev.ballast.app.cli.ConnectionOptions;
import dev.ballast.app.cli.UserException;
import dev.ballast.core.loop.AgentRunner;
import dev.ballast.core.loop.ErrorHandler;
import dev.ballast.core.loop.ParkingIdleStrategy;
import dev.ballast.core.model.ClusterModel;
import dev.ballast.kafka.Admins;
import dev.ballast.kafka.ClientSettings;
import dev.ballast.kafka.ClusterDescriber;
import dev.ballast.kafka.ClusterUnreachableException;
import dev.ballast.kafka.SnapshotReader;
import dev.ballast.kafka.canary.CanaryProber;
import dev.ballast.kafka.prometheus.PrometheusOverlay;
import dev.ballast.kafka.sample.LoadEstimate;
import dev.ballast.kafka.sample.LoadOverlay;
import dev.ballast.kafka.sample.LoadSampler;
import dev.ballast.kafka.sample.SampleCollector;
import java.io.PrintWriter;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.kafka.clients.admin.Admin;

/**
 * Samples a live cluster's load through the Admin API (and Prometheus endpoints, when given) and
 * returns the model a snapshot file holds: what {@code snapshot} writes and {@code plan
 * --bootstrap-server} plans.
 */
public final class LiveSnapshot {

  private LiveSnapshot() {}

  /**
   * Returns the model of the cluster {@code connection} names, its load sampled as {@code sampling}
   * says; progress and warnings go to {@code out}. An unreachable cluster is exit code 3.
   */
  public static ClusterModel take(
      ConnectionOptions connection,
      PrometheusOption prometheus,
      SamplingOptions sampling,
      PrintWriter out) {
    requireNonNull(out, "out");
    int samples = sampling.samples();
    Duration interval = sampling.interval();
    List<URI> endpoints = prometheus.endpoints();
    ClientSettings client = connection.settings();
    Predicate<String> topics = t -> !t.startsWith("__") && !t.equals(CanaryProber.TOPIC);
    try (Admin admin = Admins.create(client, connection.timeout())) {
      PrometheusOverlay measured =
          endpoints.isEmpty()
              ? null
              : PrometheusOverlay.scraping(endpoints, samples, System::nanoTime);
      SampleCollector collector =
          new SampleCollector(admin, connection.timeout(), System::nanoTime, topics);
      LoadSampler sampler =
          new LoadSampler(
              collector, samples, interval, measured == null ? LoadOverlay.NONE : measured);
      out.printf(
          "sampling %s: %d samples, %s apart...%n", client.bootstrapServers(), samples, interval);
      out.flush();
      AgentRunner runner =
          AgentRunner.onCallerThread(
              new ServiceAgent(
                  "sampler",
                  System::nanoTime,
                  sampler::doWork,
                  sampler::isWarm,
                  interval.multipliedBy(samples + 2).plus(connection.timeout())),
              ParkingIdleStrategy.parkingUpTo(Duration.ofMillis(50)),
              ErrorHandler.stopOnFirst());
      runner.run();
      runner.throwIfFailed();
      LoadEstimate estimate = sampler.estimate();
      if (!estimate.ready()) {
        throw new UserException(
            "could not take " + samples + " samples of " + client.bootstrapServers(), 1);
      }
      ClusterModel model =
          SnapshotReader.toModel(
              new ClusterDescriber(admin, connection.timeout(), client.bootstrapServers())
                  .describe(false),
              estimate.loads(),
              Map.of(),
              topics,
              ClusterDescriber.fullyCordoned(collector.logDirs()));
      ClusterDescriber.fullyCordoned(collector.logDirs())
          .forEach(
              b ->
                  out.printf(
                      "broker %d: every log dir cordoned (KIP-1066); it receives nothing%n", b));
      estimate.warnings().forEach(w -> out.println("warning: " + w));
      if (measured != null) {
        measured.lastMeasured().filter(m -> m.usable()).ifPresent(m -> out.println(m.describe()));
      }
      out.printf(
          "sampled %d broker(s), %d partition(s), load over %.1f s%n",
          model.brokers().size(), model.partitions().size(), estimate.windowSeconds());
      out.flush();
      return model;
    } catch (ClusterUnreachableException e) {
      throw new UserException(e.getMessage(), 3);
    }
  }
}
