package dev.ballast.app.scenario;

import dev.ballast.app.balance.ConsoleListener;
import dev.ballast.app.doctor.FixApplier;
import dev.ballast.app.doctor.LiveReader;
import dev.ballast.app.task.TaskCluster;
import dev.ballast.core.doctor.Diagnosis;
import dev.ballast.core.doctor.Doctor;
import dev.ballast.core.doctor.DoctorSettings;
import dev.ballast.core.doctor.Incident;
import dev.ballast.core.doctor.IncidentKind;
import dev.ballast.core.doctor.ScaleOut;
import dev.ballast.core.fix.FixContext;
import dev.ballast.core.fix.FixFormat;
import dev.ballast.core.fix.FixRenderers;
import dev.ballast.core.plan.PlannerOptions;
import dev.ballast.kafka.ClusterDescriber;
import dev.ballast.kafka.ClusterDescription;
import dev.ballast.kafka.exec.ExecutorSettings;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleConsumer;
import org.apache.kafka.clients.admin.Admin;

/**
 * The capacity scenario's trigger, what an operator does with {@code ballast doctor}: wait for the
 * saturated cluster to fall behind (under-replicated partitions), diagnose it, write the fix in
 * every format, and, the cluster being embedded, apply it: step 1 adds brokers (what {@code aws
 * kafka update-broker-count} does on MSK), step 2 rebalances onto them through the executor. Then
 * the doctor examines the cluster again. Runs on its own thread; the scenario's load keeps going.
 */
final class CapacityFix {

  /** The rendering of each format, by file name under {@code fix/}. */
  static final Map<FixFormat, String> FILES = files();

  private final ScenarioSpec spec;
  private final TaskCluster cluster;
  private final Admin admin;
  private final Path dir;
  private final ExperimentLog log;
  private final Duration window;
  private final BooleanSupplier stopped;
  private final DoctorSettings settings;
  private final Runnable onDiagnosed;
  private final BooleanSupplier loadOnSchedule;
  private final BooleanSupplier backlogSent;
  private final DoubleConsumer loadFactor;

  private volatile int underReplicatedSeen;
  private volatile Diagnosis diagnosis;
  private volatile Diagnosis afterFix;
  private final List<Path> written = new ArrayList<>();
  private final List<Integer> added = new ArrayList<>();
  private volatile boolean applied;
  private volatile double secondsToHealthy = Double.NaN;
  private volatile int underReplicatedUnderSpike = -1;

  /** The share of the full load that runs while the fix is applied. */
  static final double BASE_LOAD = 0.1;

  CapacityFix(
      ScenarioSpec spec,
      TaskCluster cluster,
      Admin admin,
      Path dir,
      ExperimentLog log,
      Duration window,
      BooleanSupplier stopped,
      BooleanSupplier loadOnSchedule,
      BooleanSupplier backlogSent,
      DoubleConsumer loadFactor,
      Runnable onDiagnosed) {
    this.spec = spec;
    this.cluster = cluster;
    this.admin = admin;
    this.dir = dir;
    this.log = log;
    this.window = window;
    this.stopped = stopped;
    this.onDiagnosed = onDiagnosed;
    this.loadOnSchedule = loadOnSchedule;
    this.backlogSent = backlogSent;
    this.loadFactor = loadFactor;
    // The racks stand for the zones, so the new total is a multiple of them.
    this.settings = DoctorSettings.defaults().withBrokerCapacity(spec.bandwidthCap());
  }

  /** Runs the whole fix; throws when a step fails or the cluster does not recover in time. */
  void run() {
    Diagnosis d = diagnoseOverload();
    ScaleOut scaleOut = d.fix().scaleOut();
    long fixStart = System.nanoTime();
    applyFix(d, scaleOut);
    awaitUnderReplicated(false, Duration.ofSeconds(120));
    secondsToHealthy = (System.nanoTime() - fixStart) / 1e9;
    log.line(
        String.format(
            Locale.ROOT,
            "no partition under-replicated %.1f s after step 1 began; the spike returns",
            secondsToHealthy));
    loadFactor.accept(1);
    awaitCondition(loadOnSchedule, Duration.ofSeconds(60), "the producers to return to schedule");
    examineAgain();
  }

  /**
   * Waits for the overload to show, then for the load to be back on schedule, and has the doctor
   * diagnose it; writes the fix; returns the diagnosis (with its capacity incident).
   */
  private Diagnosis diagnoseOverload() {
    underReplicatedSeen = awaitUnderReplicated(true, Duration.ofSeconds(90));
    log.line(
        underReplicatedSeen
            + " partition(s) under-replicated: followers cannot keep up with brokers capped at "
            + ConsoleListener.bytes(spec.bandwidthCap())
            + "/s");
    // Out of the ISR, followers no longer hold acks=all producers back, and the producers send
    // the backlog they built meanwhile. The doctor is called on the steady load that follows, as
    // an operator would size a cluster on its sustained load, not on a catch-up burst.
    awaitCondition(
        () -> loadOnSchedule.getAsBoolean() && backlogSent.getAsBoolean(),
        Duration.ofSeconds(90),
        "the producers to send their backlog and return to schedule");
    int still = underReplicated(describer().describe(false));
    if (still == 0) {
      throw new IllegalStateException(
          "the followers caught up again once the producers' backlog was sent: the cap is not tight enough for this load");
    }
    log.line(
        "the load is back on schedule and "
            + still
            + " partition(s) are still under-replicated; calling the doctor ("
            + window.toSeconds()
            + " s of sampling)");
    Diagnosis d = diagnose(window);
    diagnosis = d;
    onDiagnosed.run();
    Incident incident = capacityIncident(d);
    if (incident == null) {
      throw new IllegalStateException(
          "the doctor did not find CapacityInsufficient; it found " + kinds(d));
    }
    writeFix(d);
    for (String line : FixRenderers.render(FixFormat.TEXT, d, context()).split("\n")) {
      log.line("doctor | " + line);
    }
    log.line("fix written: " + String.join(", ", written.stream().map(this::relative).toList()));
    return d;
  }

  /** Applies the fix at a tenth of the load: step 1 adds the brokers, step 2 rebalances. */
  private void applyFix(Diagnosis d, ScaleOut scaleOut) {
    // Under the full load the two brokers have no network left to copy partitions to new ones:
    // the new replicas never catch up and the reassignment never ends. The spike passes (as
    // operators scale after the peak, or throttle producers), the fix goes in, the spike returns.
    log.line(
        "the spike passes: the load drops to "
            + Math.round(BASE_LOAD * 100)
            + "% while the fix is applied (a saturated broker has no network left to copy"
            + " partitions to new brokers)");
    loadFactor.accept(BASE_LOAD);
    log.line(
        "step 1 (on MSK: aws kafka update-broker-count --target-number-of-broker-nodes "
            + scaleOut.targetBrokers()
            + "): adding "
            + scaleOut.added()
            + " broker(s)");
    for (int i = 0; i < scaleOut.added(); i++) {
      int id = cluster.addBroker();
      // The new broker is the same hardware: the same network capacity.
      cluster.setBandwidth(id, spec.bandwidthCap());
      synchronized (added) {
        added.add(id);
      }
      log.line("broker " + id + " registered");
    }
    if (!addedBrokers().equals(scaleOut.newBrokerIds())) {
      throw new IllegalStateException(
          "the new brokers got ids "
              + addedBrokers()
              + " but the fix was planned for "
              + scaleOut.newBrokerIds());
    }
    try (PrintWriter out = new PrintWriter(new FixLogWriter(log))) {
      applied =
          new FixApplier(
                  admin, ExecutorSettings.defaults(), System::nanoTime, Duration.ofMinutes(3), out)
              .apply(d.fix(), cluster.registeredBrokers());
    }
    if (!applied) {
      throw new IllegalStateException("step 2, the rebalance, did not complete");
    }
  }

  /**
   * Under the full load again, watches the grown cluster for under-replication and has the doctor
   * look again; a leader skew it still finds gets its preferred leader election.
   */
  private void examineAgain() {
    underReplicatedUnderSpike = worstUnderReplicated(window.multipliedBy(2));
    log.line(
        underReplicatedUnderSpike
            + " partition(s) under-replicated at worst over "
            + window.multipliedBy(2).toSeconds()
            + " s of the full load on "
            + cluster.registeredBrokers().size()
            + " brokers; the doctor looks again");
    // A longer window: the verdict "enough" rests on the load, not on a burst of sampling noise.
    Diagnosis again = diagnose(window.multipliedBy(2));
    afterFix = again;
    log.line(
        "doctor after the fix: "
            + (again.incidents().isEmpty() ? "no incident" : kinds(again))
            + (capacityIncident(again) == null ? "" : " (capacity still insufficient)"));
    // A leader skew it still finds (a broker briefly fenced under the load hands its leaders to
    // its peers) gets its preferred leader election, as an operator with --apply would; more
    // moves are not this scenario's business.
    if (!again.fix().preferredElection().isEmpty()) {
      try (PrintWriter out = new PrintWriter(new FixLogWriter(log))) {
        new FixApplier(
                admin, ExecutorSettings.defaults(), System::nanoTime, Duration.ofMinutes(1), out)
            .apply(
                new dev.ballast.core.doctor.Fix(
                    null, List.of(), "", again.fix().preferredElection(), List.of(), List.of()),
                cluster.registeredBrokers());
      }
    }
  }

  /** Returns what the fix did and found so far. */
  CapacityChecks.Evidence evidence() {
    return new CapacityChecks.Evidence(
        underReplicatedSeen,
        diagnosis,
        applied,
        addedBrokers(),
        underReplicatedUnderSpike,
        afterFix,
        secondsToHealthy);
  }

  private Diagnosis diagnose(Duration window) {
    LiveReader.Reading reading =
        new LiveReader(
                admin,
                Duration.ofSeconds(15),
                cluster.client().bootstrapServers(),
                System::nanoTime)
            .read(window, null);
    reading.warnings().forEach(w -> log.line("doctor: warning: " + w));
    return new Doctor(settings, PlannerOptions.defaults()).diagnose(reading.input());
  }

  private void writeFix(Diagnosis d) {
    Path fixDir = dir.resolve("fix");
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
  }

  private FixContext context() {
    return FixContext.defaults()
        .withConnection(cluster.client().bootstrapServers(), null)
        .withClusterArn("arn:aws:kafka:REGION:ACCOUNT:cluster/ballast-demo/ID");
  }

  private ClusterDescriber describer() {
    return new ClusterDescriber(admin, Duration.ofSeconds(15), cluster.client().bootstrapServers());
  }

  private void awaitCondition(BooleanSupplier condition, Duration limit, String what) {
    long deadline = System.nanoTime() + limit.toNanos();
    while (!condition.getAsBoolean()) {
      if (stopped.getAsBoolean()) {
        throw new IllegalStateException("stopped");
      }
      if (System.nanoTime() - deadline > 0) {
        throw new IllegalStateException(
            "timed out after " + limit.toSeconds() + " s waiting for " + what);
      }
      LockSupport.parkNanos(Duration.ofMillis(200).toNanos());
    }
  }

  /** Waits until the scenario topic has (or, with {@code present} false, has no) URPs. */
  private int awaitUnderReplicated(boolean present, Duration limit) {
    ClusterDescriber describer = describer();
    long deadline = System.nanoTime() + limit.toNanos();
    while (true) {
      if (stopped.getAsBoolean()) {
        throw new IllegalStateException("stopped");
      }
      int urps = underReplicated(describer.describe(false));
      if (present == (urps > 0)) {
        return urps;
      }
      if (System.nanoTime() - deadline > 0) {
        throw new IllegalStateException(
            present
                ? "no partition fell out of sync within "
                    + limit.toSeconds()
                    + " s: the cap is not tight enough for this load"
                : urps
                    + " partition(s) still under-replicated "
                    + limit.toSeconds()
                    + " s after the fix");
      }
      LockSupport.parkNanos(Duration.ofMillis(500).toNanos());
    }
  }

  /** Returns the most URPs seen while polling for {@code period}. */
  private int worstUnderReplicated(Duration period) {
    ClusterDescriber describer = describer();
    long end = System.nanoTime() + period.toNanos();
    int worst = 0;
    while (System.nanoTime() - end < 0 && !stopped.getAsBoolean()) {
      worst = Math.max(worst, underReplicated(describer.describe(false)));
      LockSupport.parkNanos(Duration.ofMillis(500).toNanos());
    }
    return worst;
  }

  private int underReplicated(ClusterDescription d) {
    List<ClusterDescription.Partition> parts = d.topics().getOrDefault(spec.topic(), List.of());
    return (int) parts.stream().filter(p -> p.isr().size() < p.replicas().size()).count();
  }

  private List<Integer> addedBrokers() {
    synchronized (added) {
      return List.copyOf(added);
    }
  }

  private String relative(Path p) {
    return dir.relativize(p).toString();
  }

  static Incident capacityIncident(Diagnosis d) {
    return d.incidents().stream()
        .filter(i -> i.kind() == IncidentKind.CAPACITY_INSUFFICIENT)
        .findFirst()
        .orElse(null);
  }

  static String kinds(Diagnosis d) {
    return d.incidents().isEmpty()
        ? "no incident"
        : String.join(", ", d.incidents().stream().map(i -> i.id()).toList());
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
