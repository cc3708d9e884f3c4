package dev.ballast.app.balance;

import dev.ballast.app.cli.ConnectionOptions;
import dev.ballast.app.cli.DurationConverter;
import dev.ballast.app.cli.UserException;
import dev.ballast.app.cli.VerboseOption;
import dev.ballast.core.model.ClusterModel;
import dev.ballast.core.snapshot.SnapshotCodec;
import dev.ballast.core.text.FileProblems;
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
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import org.apache.kafka.clients.admin.Admin;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Writes a snapshot file (model plus sampled load) of a live cluster, for offline planning. */
@Command(
    name = "snapshot",
    mixinStandardHelpOptions = true,
    description = {
      "Samples a cluster's load through the Admin API and writes the snapshot file that",
      "'ballast plan --snapshot' reads (docs/SNAPSHOT.md): brokers (fenced ones as dead), racks,",
      "placement, leaders, ISR, and per-partition bytes in/out, messages/s and size.",
      "With --prometheus-url, bytes in/out are measured at the brokers' metrics endpoints."
    })
public final class SnapshotCommand implements Callable<Integer> {

  @Mixin VerboseOption verbose;
  @Mixin ConnectionOptions connection;
  @Mixin PrometheusOption prometheus;
  @Spec CommandSpec spec;

  @Option(
      names = {"-o", "--output"},
      required = true,
      paramLabel = "FILE",
      description = "Where to write the snapshot JSON.")
  Path output;

  @Option(
      names = "--samples",
      defaultValue = "3",
      description = "Samples to take (default: ${DEFAULT-VALUE}).")
  int samples;

  @Option(
      names = "--interval",
      defaultValue = "5s",
      converter = DurationConverter.Positive.class,
      description = "Time between samples (default: ${DEFAULT-VALUE}).")
  Duration interval;

  @Override
  public Integer call() {
    if (samples < 2) {
      throw new UserException("--samples must be at least 2 (rates need two samples)");
    }
    List<URI> endpoints = prometheus.endpoints();
    ClientSettings client = connection.settings();
    PrintWriter out = spec.commandLine().getOut();
    Predicate<String> topics = t -> !t.startsWith("__") && !t.equals(CanaryProber.TOPIC);
    try (Admin admin = Admins.create(client, connection.timeout())) {
      PrometheusOverlay measured =
          endpoints.isEmpty()
              ? null
              : PrometheusOverlay.scraping(endpoints, samples, System::nanoTime);
      LoadSampler sampler =
          new LoadSampler(
              new SampleCollector(admin, connection.timeout(), System::nanoTime, topics),
              samples,
              interval,
              measured == null ? LoadOverlay.NONE : measured);
      ServiceRunner runner =
          new ServiceRunner(
              System::nanoTime,
              Duration.ofMillis(50),
              Duration.ofSeconds(1),
              e -> {
                throw e instanceof RuntimeException r ? r : new IllegalStateException(e);
              });
      out.printf(
          "sampling %s: %d samples, %s apart...%n", client.bootstrapServers(), samples, interval);
      out.flush();
      runner.run(
          now -> sampler.doWork(now),
          sampler::isWarm,
          interval.multipliedBy(samples + 2).plus(connection.timeout()));
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
              topics);
      Files.writeString(output, SnapshotCodec.write(model));
      estimate.warnings().forEach(w -> out.println("warning: " + w));
      if (measured != null) {
        measured.lastMeasured().filter(m -> m.usable()).ifPresent(m -> out.println(m.describe()));
      }
      out.printf(
          "wrote %s: %d broker(s), %d partition(s), load over %.1f s%n",
          output, model.brokers().size(), model.partitions().size(), estimate.windowSeconds());
      out.flush();
      return 0;
    } catch (ClusterUnreachableException e) {
      throw new UserException(e.getMessage(), 3);
    } catch (IOException e) {
      throw new UserException("cannot write " + output + ": it " + FileProblems.describe(e));
    }
  }
}
