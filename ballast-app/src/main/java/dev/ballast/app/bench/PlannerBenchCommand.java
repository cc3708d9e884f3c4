package dev.ballast.app.bench;

import dev.ballast.app.cli.UserException;
import dev.ballast.app.cli.VerboseOption;
import dev.ballast.app.plan.PlannerSettings;
import dev.ballast.core.model.ClusterModel;
import dev.ballast.core.plan.Goal;
import dev.ballast.core.plan.GoalReport;
import dev.ballast.core.plan.Plan;
import dev.ballast.core.plan.PlanSummary;
import dev.ballast.core.plan.Planner;
import dev.ballast.core.plan.PlannerOptions;
import dev.ballast.core.plan.Units;
import dev.ballast.core.synthetic.SyntheticCluster;
import dev.ballast.core.synthetic.SyntheticSpec;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Benchmarks the planner on a synthetic skewed cluster. */
@Command(
    name = "planner",
    mixinStandardHelpOptions = true,
    description =
        "Builds a synthetic skewed cluster, plans it, and prints the plan time, peak heap, moves,"
            + " bytes moved against the lower bound, max/mean per resource before and after, and"
            + " how many replicas Kafka's own --generate assignment would move on the same"
            + " cluster. Targets (docs/BENCHMARKS.md): 215 brokers / 2.8 M replicas in <= 60 s"
            + " with <= 4 GiB heap (BALLAST_JAVA_OPTS=-Xmx4g); 100 brokers / 100 k replicas in"
            + " <= 2 s.")
public final class PlannerBenchCommand implements Callable<Integer> {

  @Mixin VerboseOption verbose;
  @Spec CommandSpec spec;

  @Option(
      names = "--brokers",
      defaultValue = "100",
      description = "Brokers (default: ${DEFAULT-VALUE}).")
  int brokers;

  @Option(
      names = "--partitions",
      defaultValue = "33334",
      description = "Partitions over all topics (default: ${DEFAULT-VALUE}).")
  int partitions;

  @Option(
      names = "--rf",
      defaultValue = "3",
      description = "Replication factor (default: ${DEFAULT-VALUE}).")
  int rf;

  @Option(
      names = "--racks",
      defaultValue = "3",
      description = "Racks, broker i on rack i %% racks; 0 for none (default: ${DEFAULT-VALUE}).")
  int racks;

  @Option(
      names = "--skew",
      defaultValue = "0.2",
      description =
          "Share of replicas placed on the first quarter of the brokers (default: ${DEFAULT-VALUE}).")
  double skew;

  @Option(
      names = "--seed",
      defaultValue = "1",
      description = "Random seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--goals",
      paramLabel = "GOAL[=WEIGHT],...",
      description = "Soft goals and weights, as for 'plan' (default: the planner's defaults).")
  String goals;

  @Option(
      names = "--band",
      defaultValue = "10",
      paramLabel = "PERCENT",
      description = "Balance band in percent (default: ${DEFAULT-VALUE}).")
  double band;

  @Option(names = "--no-kafka", description = "Skip the Kafka --generate comparison.")
  boolean noKafka;

  @Option(names = "--json", description = "Print one JSON line instead of a report.")
  boolean json;

  @Option(
      names = "--write-snapshot",
      paramLabel = "FILE",
      description =
          "Also write the synthetic cluster as a snapshot file (for plan --snapshot, e.g. with"
              + " --exact).")
  java.nio.file.Path writeSnapshot;

  @Override
  public Integer call() {
    SyntheticSpec synth;
    try {
      synth = new SyntheticSpec(brokers, partitions, rf, racks, skew, seed);
    } catch (IllegalArgumentException e) {
      throw new UserException(e.getMessage());
    }
    PlannerOptions options = PlannerSettings.options(goals, band, null, null);
    long t0 = System.nanoTime();
    ClusterModel model = SyntheticCluster.generate(synth);
    long buildMillis = (System.nanoTime() - t0) / 1_000_000;
    if (writeSnapshot != null) {
      try {
        java.nio.file.Files.writeString(
            writeSnapshot, dev.ballast.core.snapshot.SnapshotCodec.write(model));
      } catch (java.io.IOException e) {
        throw new UserException("cannot write " + writeSnapshot + ": " + e.getMessage());
      }
    }
    System.gc();
    resetPeaks();
    java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long c1 = threads.getCurrentThreadCpuTime();
    long t1 = System.nanoTime();
    Plan plan = new Planner(options).plan(model);
    long planMillis = (System.nanoTime() - t1) / 1_000_000;
    long planCpuMillis = (threads.getCurrentThreadCpuTime() - c1) / 1_000_000;
    long peakHeapMb = peakHeapBytes() >> 20;
    PlanSummary s = plan.summary();
    Map<String, Object> kafka = noKafka ? null : kafkaBaseline(model, options);
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("brokers", brokers);
    row.put("partitions", partitions);
    row.put("replicas", model.replicaCount());
    row.put("rf", rf);
    row.put("racks", racks);
    row.put("skew", skew);
    row.put("seed", seed);
    row.put("buildMillis", buildMillis);
    row.put("planMillis", planMillis);
    row.put("planCpuMillis", planCpuMillis);
    row.put("peakHeapMb", peakHeapMb);
    row.put("moves", s.replicaMoves());
    row.put("leaderMoves", s.leadershipTransfers());
    row.put("bytesMoved", s.bytesToMove());
    row.put("lowerBoundBytes", s.lowerBoundBytes());
    row.put(
        "bytesOverLowerBound",
        s.lowerBoundBytes() > 0 ? round((double) s.bytesToMove() / s.lowerBoundBytes()) : null);
    row.put("maxOverMeanBefore", round(s.worstMaxOverMeanBefore()));
    row.put("maxOverMeanAfter", round(s.worstMaxOverMeanAfter()));
    row.put("goalsMet", s.goals().stream().allMatch(g -> g.met() || g.weight() == 0));
    Map<String, Object> per = new LinkedHashMap<>();
    for (GoalReport g : s.goals()) {
      if (g.goal() != Goal.TOPIC_SPREAD) {
        per.put(
            g.goal().label(),
            new double[] {round(g.maxOverMeanBefore()), round(g.maxOverMeanAfter())});
      }
    }
    row.put("maxOverMeanPerResource", per);
    if (kafka != null) {
      row.putAll(kafka);
    }
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      out.println(toJson(row));
    } else {
      report(out, model, s, buildMillis, planMillis, planCpuMillis, peakHeapMb, kafka);
    }
    out.flush();
    return 0;
  }

  private Map<String, Object> kafkaBaseline(ClusterModel model, PlannerOptions options) {
    PlannerGenerateBaseline.Result generated = PlannerGenerateBaseline.generate(model, seed);
    // Score Kafka's placement with the same load model: plan it with every goal off, read "before".
    Map<Goal, Double> none = new EnumMap<>(Goal.class);
    for (Goal g : Goal.values()) {
      none.put(g, 0.0);
    }
    PlanSummary scored = new Planner(options.withWeights(none)).plan(generated.model()).summary();
    double worst = 0;
    for (GoalReport g : scored.goals()) {
      if (options.weight(g.goal()) > 0 && !g.idle() && g.goal() != Goal.TOPIC_SPREAD) {
        worst = Math.max(worst, g.maxOverMeanBefore());
      }
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("kafkaGenerateMoves", generated.replicasMoved());
    out.put("kafkaGenerateBytesMoved", generated.bytesMoved());
    out.put("kafkaGenerateMaxOverMean", round(worst));
    return out;
  }

  private void report(
      PrintWriter out,
      ClusterModel model,
      PlanSummary s,
      long buildMillis,
      long planMillis,
      long planCpuMillis,
      long peakHeapMb,
      Map<String, Object> kafka) {
    out.printf(
        Locale.ROOT,
        "Planner benchmark: %d brokers, %d partitions, %d replicas (RF %d, %d racks, skew %.2f,"
            + " seed %d)%n",
        brokers,
        partitions,
        model.replicaCount(),
        rf,
        racks,
        skew,
        seed);
    out.printf(Locale.ROOT, "  build cluster   %,d ms%n", buildMillis);
    out.printf(
        Locale.ROOT,
        "  plan            %,d ms (CPU of the planning thread: %,d ms; the rest is GC and"
            + " other processes)%n",
        planMillis,
        planCpuMillis);
    out.printf(Locale.ROOT, "  peak heap       %,d MiB (input model included)%n", peakHeapMb);
    out.printf(
        Locale.ROOT,
        "  moves           %,d replicas (%.1f%% of all), %,d leadership transfers%n",
        s.replicaMoves(),
        100.0 * s.replicaMoves() / Math.max(1, model.replicaCount()),
        s.leadershipTransfers());
    out.printf(
        Locale.ROOT,
        "  bytes moved     %s; lower bound %s (%s)%n",
        Units.bytes(s.bytesToMove()),
        Units.bytes(s.lowerBoundBytes()),
        s.lowerBoundBytes() > 0
            ? String.format(Locale.ROOT, "%.3fx", (double) s.bytesToMove() / s.lowerBoundBytes())
            : "n/a");
    out.printf(Locale.ROOT, "  %-13s %8s %8s  %s%n", "max/mean", "before", "after", "within band");
    for (GoalReport g : s.goals()) {
      if (g.goal() == Goal.TOPIC_SPREAD) {
        continue;
      }
      out.printf(
          Locale.ROOT,
          "  %-13s %8.3f %8.3f  %s%n",
          g.goal().label(),
          g.maxOverMeanBefore(),
          g.maxOverMeanAfter(),
          g.weight() == 0
              ? "(not pursued)"
              : g.idle() ? "idle" : g.met() ? "yes" : "no: " + g.explanation());
    }
    if (kafka != null) {
      long moved = (Long) kafka.get("kafkaGenerateMoves");
      out.printf(
          Locale.ROOT,
          "  kafka --generate  %,d replicas moved (%.1f%% of all), %s; worst max/mean after %.3f%n",
          moved,
          100.0 * moved / Math.max(1, model.replicaCount()),
          Units.bytes((Long) kafka.get("kafkaGenerateBytesMoved")),
          (Double) kafka.get("kafkaGenerateMaxOverMean"));
    }
  }

  private static void resetPeaks() {
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        pool.resetPeakUsage();
      }
    }
  }

  private static long peakHeapBytes() {
    long sum = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
        sum += pool.getPeakUsage().getUsed();
      }
    }
    return sum;
  }

  private static double round(double x) {
    return Math.round(x * 1000) / 1000.0;
  }

  private static String toJson(Map<String, Object> row) {
    return row.entrySet().stream()
        .map(e -> "\"" + e.getKey() + "\":" + value(e.getValue()))
        .collect(Collectors.joining(",", "{", "}"));
  }

  @SuppressWarnings("unchecked")
  private static String value(Object v) {
    if (v == null) {
      return "null";
    }
    if (v instanceof double[] a) {
      return "[" + a[0] + "," + a[1] + "]";
    }
    if (v instanceof Map<?, ?> m) {
      return toJson((Map<String, Object>) m);
    }
    return String.valueOf(v);
  }
}
