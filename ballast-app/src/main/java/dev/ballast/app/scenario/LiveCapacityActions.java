package dev.ballast.app.scenario;

import static java.util.Objects.requireNonNull;

import dev.ballast.app.doctor.FixApplier;
import dev.ballast.app.doctor.LiveReader;
import dev.ballast.app.task.TaskCluster;
import dev.ballast.core.doctor.Diagnosis;
import dev.ballast.core.doctor.Doctor;
import dev.ballast.core.doctor.DoctorSettings;
import dev.ballast.core.doctor.Fix;
import dev.ballast.core.fix.FixContext;
import dev.ballast.core.fix.FixFormat;
import dev.ballast.core.fix.FixRenderers;
import dev.ballast.core.plan.PlannerOptions;
import dev.ballast.kafka.ClusterDescriber;
import dev.ballast.kafka.ClusterDescription;
import dev.ballast.kafka.exec.ExecutorSettings;
import dev.ballast.workload.rate.NanoClock;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;

/** The capacity fix's actions on a real cluster: the doctor, the executor and the broker list. */
final class LiveCapacityActions implements CapacityActions {

  /** The rendering of each format, by file name under {@code fix/}. */
  static final Map<FixFormat, String> FILES = files();

  private final ScenarioSpec spec;
  private final TaskCluster cluster;
  private final Admin admin;
  private final Path dir;
  private final ExperimentLog log;
  private final NanoClock clock;
  private final DoctorSettings settings;

  LiveCapacityActions(
      ScenarioSpec spec,
      TaskCluster cluster,
      Admin admin,
      Path dir,
      ExperimentLog log,
      NanoClock clock) {
    this.spec = requireNonNull(spec, "spec");
    this.cluster = requireNonNull(cluster, "cluster");
    this.admin = requireNonNull(admin, "admin");
    this.dir = requireNonNull(dir, "dir");
    this.log = requireNonNull(log, "log");
    this.clock = requireNonNull(clock, "clock");
    // The racks stand for the zones, so the new total is a multiple of them.
    this.settings = DoctorSettings.defaults().withBrokerCapacity(spec.bandwidthCap());
  }

  @Override
  public int underReplicated() {
    ClusterDescription d =
        new ClusterDescriber(admin, Duration.ofSeconds(15), cluster.client().bootstrapServers())
            .describe(false);
    List<ClusterDescription.Partition> parts = d.topics().getOrDefault(spec.topic(), List.of());
    return (int) parts.stream().filter(p -> p.isr().size() < p.replicas().size()).count();
  }

  @Override
  public Diagnosis diagnose(Duration window) {
    LiveReader.Reading reading =
        new LiveReader(
                admin, Duration.ofSeconds(15), cluster.client().bootstrapServers(), clock::nanoTime)
            .read(window, null);
    reading.warnings().forEach(w -> log.line("doctor: warning: " + w));
    return new Doctor(settings, PlannerOptions.defaults()).diagnose(reading.input());
  }

  @Override
  public List<Path> writeFix(Diagnosis d) {
    Path fixDir = dir.resolve("fix");
    List<Path> written = new ArrayList<>();
    try {
      Files.createDirectories(fixDir);
      for (Map.Entry<FixFormat, String> e : FILES.entrySet()) {
        Path p = fixDir.resolve(e.getValue());
        Files.writeString(p, FixRenderers.render(e.getKey(), d, context()));
        written.add(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the fix to " + fixDir, e);
    }
    return written;
  }

  @Override
  public List<String> describe(Diagnosis d) {
    return List.of(FixRenderers.render(FixFormat.TEXT, d, context()).split("\n"));
  }

  @Override
  public int addBroker() {
    int id = cluster.addBroker();
    // The new broker is the same hardware: the same network capacity.
    cluster.setBandwidth(id, spec.bandwidthCap());
    return id;
  }

  @Override
  public boolean apply(Fix fix, Duration limit) {
    try (PrintWriter out = new PrintWriter(new FixLogWriter(log))) {
      return new FixApplier(admin, ExecutorSettings.defaults(), clock::nanoTime, limit, out)
          .apply(fix, cluster.registeredBrokers());
    }
  }

  private FixContext context() {
    return FixContext.defaults()
        .withConnection(cluster.client().bootstrapServers(), null)
        .withClusterArn("arn:aws:kafka:REGION:ACCOUNT:cluster/ballast-demo/ID");
  }

  private static Map<FixFormat, String> files() {
    Map<FixFormat, String> m = new LinkedHashMap<>();
    m.put(FixFormat.TEXT, "diagnosis.txt");
    m.put(FixFormat.JSON, "diagnosis.json");
    m.put(FixFormat.KAFKA_CLI, "kafka-cli.sh");
    m.put(FixFormat.AWS_CLI, "aws-cli.sh");
    m.put(FixFormat.TERRAFORM, "terraform.diff");
    m.put(FixFormat.PULUMI, "pulumi.diff");
    m.put(FixFormat.STRIMZI, "strimzi.yaml");
    return java.util.Collections.unmodifiableMap(m);
  }
}
