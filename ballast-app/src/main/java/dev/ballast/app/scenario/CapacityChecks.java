package dev.ballast.app.scenario;

import dev.ballast.app.balance.ConsoleListener;
import dev.ballast.app.scenario.ScenarioKeys.FileProblems;
import dev.ballast.app.task.Checker;
import dev.ballast.app.task.RecordedRun;
import dev.ballast.app.task.Verdict;
import dev.ballast.core.doctor.Diagnosis;
import dev.ballast.core.doctor.Incident;
import dev.ballast.core.doctor.ScaleOut;
import dev.ballast.core.fix.FixFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The capacity scenario's checks, each a {@link Checker} over what its fix did and found ({@link
 * Evidence}) and what is wrong with the fix files ({@link #fixFiles}, read at the edge): the load
 * overwhelmed the cluster, the doctor sized it, the fix was written, applied, and the grown cluster
 * carries the load.
 */
final class CapacityChecks {

  private CapacityChecks() {}

  /**
   * What the capacity fix did and found.
   *
   * @param underReplicatedSeen partitions out of sync under the overload (0: none seen)
   * @param diagnosis the doctor's diagnosis of the overload, or null
   * @param applied whether both steps of the fix completed
   * @param added the brokers the fix added
   * @param underReplicatedUnderSpike the most partitions out of sync with the full load on the
   *     grown cluster, -1 when the full load did not run again
   * @param afterFix the doctor's diagnosis after the fix, or null
   * @param secondsToHealthy from step 1 to no partition under-replicated (NaN: not reached)
   */
  record Evidence(
      int underReplicatedSeen,
      Diagnosis diagnosis,
      boolean applied,
      List<Integer> added,
      int underReplicatedUnderSpike,
      Diagnosis afterFix,
      double secondsToHealthy) {

    /** Copies. */
    Evidence {
      added = List.copyOf(added);
    }
  }

  /** Returns the capacity scenario's checkers, added to the common ones. */
  static List<Checker> all() {
    return List.of(
        new Overload(),
        new Sized(),
        new FixWritten(),
        new Applied(),
        new Grown(),
        new Sufficient());
  }

  /** A capacity check: needs the spec and the fix's evidence. */
  abstract static class CapacityChecker extends ScenarioChecker {
    CapacityChecker(String name, String title) {
      super(name, title);
    }

    @Override
    final Verdict judge(RecordedRun run) {
      ScenarioSpec spec = get(run, ScenarioKeys.SPEC);
      Evidence e = get(run, ScenarioKeys.CAPACITY);
      return spec == null || e == null ? missing("capacity fix") : judge(run, spec, e);
    }

    abstract Verdict judge(RecordedRun run, ScenarioSpec spec, Evidence e);
  }

  /** The load drove partitions out of sync on the capped cluster. */
  static final class Overload extends CapacityChecker {
    Overload() {
      super("capacity-overload", "the load overwhelms the cluster");
    }

    @Override
    Verdict judge(RecordedRun run, ScenarioSpec spec, Evidence e) {
      return verdict(
          e.underReplicatedSeen() > 0,
          e.underReplicatedSeen()
              + " partition(s) of "
              + spec.topic()
              + " fell out of sync under "
              + ConsoleListener.bytes(spec.bandwidthCap())
              + "/s per broker");
    }
  }

  /** The doctor found CapacityInsufficient with a scale-out in whole zones. */
  static final class Sized extends CapacityChecker {
    Sized() {
      super("capacity-diagnosis", "the doctor finds CapacityInsufficient and sizes the cluster");
    }

    @Override
    Verdict judge(RecordedRun run, ScenarioSpec spec, Evidence e) {
      Diagnosis d = e.diagnosis();
      Incident incident = d == null ? null : CapacityFix.capacityIncident(d);
      ScaleOut scaleOut = d == null ? null : d.fix().scaleOut();
      return verdict(
          incident != null
              && scaleOut != null
              && scaleOut.targetBrokers() % scaleOut.availabilityZones() == 0,
          incident == null || scaleOut == null
              ? "no capacity incident with a scale-out"
                  + (d == null ? "" : ": " + CapacityFix.kinds(d))
              : incident.signal()
                  + "; "
                  + scaleOut.currentBrokers()
                  + " -> "
                  + scaleOut.targetBrokers()
                  + " brokers ("
                  + scaleOut.basis()
                  + ")");
    }
  }

  /** Every fix file is there, and the Terraform diff changes only the broker count. */
  static final class FixWritten extends CapacityChecker {
    FixWritten() {
      super(
          "capacity-fix-written",
          "the fix is written as Kafka CLI, AWS CLI, Terraform, Pulumi and Strimzi");
    }

    @Override
    Verdict judge(RecordedRun run, ScenarioSpec spec, Evidence e) {
      FileProblems files = get(run, ScenarioKeys.FIX_FILES);
      if (files == null) {
        return missing("check of the fix files");
      }
      return verdict(
          files.problems().isEmpty() && e.diagnosis() != null,
          files.problems().isEmpty()
              ? "fix/" + String.join(", fix/", files.checked())
              : String.join("; ", files.problems()));
    }
  }

  /** Both steps of the fix completed. */
  static final class Applied extends CapacityChecker {
    Applied() {
      super("capacity-fix-applied", "the fix is applied: brokers added, then the rebalance");
    }

    @Override
    Verdict judge(RecordedRun run, ScenarioSpec spec, Evidence e) {
      return verdict(
          e.applied(),
          "brokers " + e.added() + " added; rebalance " + (e.applied() ? "done" : "not done"));
    }
  }

  /** The full load ran again on the grown cluster with every partition in sync. */
  static final class Grown extends CapacityChecker {
    Grown() {
      super("capacity-grown-in-sync", "the grown cluster carries the full load in sync");
    }

    @Override
    Verdict judge(RecordedRun run, ScenarioSpec spec, Evidence e) {
      return verdict(
          e.underReplicatedUnderSpike() == 0,
          e.underReplicatedUnderSpike() < 0
              ? "the full load did not run again"
              : e.underReplicatedUnderSpike()
                  + " partition(s) under-replicated at worst with the full load on "
                  + (spec.brokers() + e.added().size())
                  + " brokers");
    }
  }

  /** The doctor, asked again after the fix, finds no capacity incident. */
  static final class Sufficient extends CapacityChecker {
    Sufficient() {
      super("capacity-sufficient-after", "the doctor finds the capacity sufficient after the fix");
    }

    @Override
    Verdict judge(RecordedRun run, ScenarioSpec spec, Evidence e) {
      Diagnosis again = e.afterFix();
      return verdict(
          again != null && CapacityFix.capacityIncident(again) == null,
          again == null
              ? "the doctor did not look again"
              : String.format(
                  Locale.ROOT,
                  "no partition under-replicated %.1f s after step 1 began; incidents after: %s",
                  e.secondsToHealthy(),
                  again.incidents().isEmpty() ? "none" : CapacityFix.kinds(again)));
    }
  }

  /**
   * Returns what is wrong with the fix files in {@code dir}/fix (I/O at the edge, for {@link
   * FixWritten}): every format missing or empty, and a Terraform diff that changes more than the
   * broker count.
   */
  static FileProblems fixFiles(Path dir) {
    List<String> problems = new ArrayList<>();
    for (Map.Entry<FixFormat, String> e : CapacityFix.FILES.entrySet()) {
      Path p = dir.resolve("fix").resolve(e.getValue());
      try {
        if (!Files.isRegularFile(p) || Files.size(p) == 0) {
          problems.add(e.getValue() + " missing or empty");
        }
      } catch (IOException ex) {
        problems.add(e.getValue() + ": " + ex.getMessage());
      }
    }
    Path tf = dir.resolve("fix").resolve(CapacityFix.FILES.get(FixFormat.TERRAFORM));
    if (Files.isRegularFile(tf)) {
      try {
        // The diff may change the broker count and nothing else: a change of client_subnets
        // destroys the cluster and its data.
        for (String line : Files.readAllLines(tf)) {
          boolean change = line.startsWith("+") || line.startsWith("-");
          if (change && !line.contains("number_of_broker_nodes")) {
            problems.add("terraform.diff changes more than number_of_broker_nodes: " + line);
          }
        }
      } catch (IOException ex) {
        problems.add("terraform.diff: " + ex.getMessage());
      }
    }
    return new FileProblems(List.copyOf(CapacityFix.FILES.values()), problems);
  }
}
