package dev.ballast.app.scenario;

import dev.ballast.app.balance.ConsoleListener;
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
 * The capacity scenario's checks, a pure function of what its fix did and found ({@link Evidence})
 * and of the fix files in the results folder: the load overwhelmed the cluster, the doctor sized
 * it, the fix was written, applied, and the grown cluster carries the load.
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

  /** Returns the checks of the capacity scenario on {@code e}, added to the common ones. */
  static List<Check> all(ScenarioSpec spec, Path dir, Evidence e) {
    List<Check> checks = new ArrayList<>();
    checks.add(
        new Check(
            "the load overwhelms the cluster",
            e.underReplicatedSeen() > 0,
            e.underReplicatedSeen()
                + " partition(s) of "
                + spec.topic()
                + " fell out of sync under "
                + ConsoleListener.bytes(spec.bandwidthCap())
                + "/s per broker"));
    Diagnosis d = e.diagnosis();
    Incident incident = d == null ? null : CapacityFix.capacityIncident(d);
    ScaleOut scaleOut = d == null ? null : d.fix().scaleOut();
    checks.add(
        new Check(
            "the doctor finds CapacityInsufficient and sizes the cluster",
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
                    + ")"));
    checks.add(fixWritten(dir, e.diagnosis()));
    checks.add(
        new Check(
            "the fix is e.applied(): brokers added, then the rebalance",
            e.applied(),
            "brokers " + e.added() + " added; rebalance " + (e.applied() ? "done" : "not done")));
    checks.add(
        new Check(
            "the grown cluster carries the full load in sync",
            e.underReplicatedUnderSpike() == 0,
            e.underReplicatedUnderSpike() < 0
                ? "the full load did not run again"
                : e.underReplicatedUnderSpike()
                    + " partition(s) under-replicated at worst with the full load on "
                    + (spec.brokers() + e.added().size())
                    + " brokers"));
    Diagnosis again = e.afterFix();
    checks.add(
        new Check(
            "the doctor finds the capacity sufficient after the fix",
            again != null && CapacityFix.capacityIncident(again) == null,
            again == null
                ? "the doctor did not look again"
                : String.format(
                    Locale.ROOT,
                    "no partition under-replicated %.1f s after step 1 began; incidents after: %s",
                    e.secondsToHealthy(),
                    again.incidents().isEmpty() ? "none" : CapacityFix.kinds(again))));
    return checks;
  }

  private static Check fixWritten(Path dir, Diagnosis diagnosis) {
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
    return new Check(
        "the fix is written as Kafka CLI, AWS CLI, Terraform, Pulumi and Strimzi",
        problems.isEmpty() && diagnosis != null,
        problems.isEmpty()
            ? "fix/" + String.join(", fix/", CapacityFix.FILES.values())
            : String.join("; ", problems));
  }
}
