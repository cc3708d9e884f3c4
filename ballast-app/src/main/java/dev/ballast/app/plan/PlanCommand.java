package dev.ballast.app.plan;

import dev.ballast.app.balance.LiveSnapshot;
import dev.ballast.app.balance.PrometheusOption;
import dev.ballast.app.balance.SamplingOptions;
import dev.ballast.app.cli.BandConverter;
import dev.ballast.app.cli.ConnectionOptions;
import dev.ballast.app.cli.DurationConverter;
import dev.ballast.app.cli.ExitCodes;
import dev.ballast.app.cli.UserException;
import dev.ballast.app.cli.VerboseOption;
import dev.ballast.core.model.BrokerState;
import dev.ballast.core.model.ClusterModel;
import dev.ballast.core.plan.Plan;
import dev.ballast.core.plan.PlanRenderer;
import dev.ballast.core.plan.Planner;
import dev.ballast.core.plan.PlannerOptions;
import dev.ballast.core.relieve.Relief;
import dev.ballast.core.relieve.ReliefThreshold;
import dev.ballast.core.relieve.ThresholdRelief;
import dev.ballast.core.snapshot.SnapshotCodec;
import dev.ballast.core.snapshot.SnapshotFormatException;
import dev.ballast.core.text.FileProblems;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Plans a movement-minimal reassignment from a snapshot file or a live cluster. */
@Command(
    name = "plan",
    mixinStandardHelpOptions = true,
    description =
        "Plans a movement-minimal reassignment from a snapshot file (format: docs/SNAPSHOT.md)"
            + " or, with --bootstrap-server, from a live cluster sampled as 'snapshot' does:"
            + " ordered actions with reasons, a summary with per-goal scores and a lower bound on"
            + " the bytes any plan must move, and the JSON kafka-reassign-partitions.sh --execute"
            + " accepts. --exact solves the same problem exactly (CP-SAT) on clusters of up to"
            + " 5,000 replicas and reports the proven optimality gap.",
    footer = {
      "",
      "Examples:",
      "  ballast plan --snapshot cluster.json",
      "  ballast plan --snapshot cluster.json --drain 2 -o plan.json",
      "  ballast plan --snapshot cluster.json --goals network-in,network-out,messages=2 --band 5",
      "  ballast plan --bootstrap-server kafka:9092 --samples 3 --interval 10s -o plan.json",
      "  ballast plan --snapshot cluster.json --exact --time-limit 30s",
      "  ballast plan --snapshot cluster.json --only-relieve network-in>80% -o relieve.json",
      "",
      "Goals: network-in, network-out, messages, disk, replicas, leaders, topic-spread."
    })
public final class PlanCommand implements Callable<Integer> {

  @Mixin VerboseOption verbose;
  @Spec CommandSpec spec;

  @Option(
      names = "--snapshot",
      paramLabel = "FILE",
      description = "The snapshot to plan (JSON, docs/SNAPSHOT.md); or give --bootstrap-server.")
  Path snapshot;

  @Mixin ConnectionOptions connection;
  @Mixin PrometheusOption prometheus;
  @Mixin SamplingOptions sampling;

  @Option(
      names = "--save-snapshot",
      paramLabel = "FILE",
      description = "With --bootstrap-server: also write the sampled snapshot to FILE.")
  Path saveSnapshot;

  @Option(
      names = "--exact",
      description =
          "Solve exactly with CP-SAT (OR-Tools), seeded with the heuristic plan: the fewest bytes"
              + " that bring every goal into its band, with the proven optimality gap. Clusters"
              + " of up to 5,000 replicas.")
  boolean exact;

  @Option(
      names = "--time-limit",
      defaultValue = "30s",
      converter = DurationConverter.class,
      paramLabel = "DURATION",
      description = "With --exact: how long the solver may search (default: ${DEFAULT-VALUE}).")
  Duration timeLimit;

  @Option(
      names = "--only-relieve",
      paramLabel = "RESOURCE>LIMIT",
      converter = ReliefThresholdConverter.class,
      description =
          "Relieve only the brokers above this threshold: only their replicas (or leadership)"
              + " move, to brokers that stay at or under it; nothing else moves. LIMIT is a"
              + " percentage of capacity (network-in>80%%, network-out>80%%; needs capacities)"
              + " or absolute (network-in>50MB/s, disk>500GB, messages>20000/s, replicas>300,"
              + " leaders>100). Exit code 1 when a broker stays above.")
  ReliefThreshold onlyRelieve;

  @Option(
      names = "--goals",
      paramLabel = "GOAL[=WEIGHT],...",
      description =
          "Soft goals to pursue with their weights; unlisted goals are ignored (default:"
              + " network-in, network-out, messages, disk at 1; replicas, leaders at 0.5).")
  String goals;

  @Option(
      names = "--band",
      defaultValue = "0.10",
      paramLabel = "BAND",
      converter = BandConverter.Percent.class,
      description =
          "Balanced means within this band around the mean: 10%%, 10 or 0.10 all mean +-10%%,"
              + " as for balance (default: 10%%).")
  double band;

  @Option(
      names = "--idle-floor",
      paramLabel = "GOAL=VALUE,...",
      description =
          "Mean per broker below which a goal counts as idle and is left alone (defaults:"
              + " network 1024 B/s, messages 1/s, disk 1 MiB).")
  String idleFloor;

  @Option(
      names = "--drain",
      split = ",",
      paramLabel = "ID",
      description = "Brokers to empty (decommission).")
  List<Integer> drain = List.of();

  @Option(
      names = "--slow",
      split = ",",
      paramLabel = "ID",
      description = "Brokers that must lead nothing and receive nothing.")
  List<Integer> slow = List.of();

  @Option(
      names = "--exclude-brokers",
      split = ",",
      paramLabel = "ID",
      description = "Brokers left alone: they receive nothing and nothing moves off them.")
  List<Integer> excludeBrokers = List.of();

  @Option(
      names = "--exclude-topics",
      paramLabel = "REGEX",
      description = "Topics (full-name regex) that never move.")
  String excludeTopics;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FILE",
      description =
          "Write the reassignment JSON for kafka-reassign-partitions.sh --execute to FILE, the"
              + " rollback JSON next to it (.rollback.json) and the partitions to elect their"
              + " preferred leader afterwards (.election.json, for kafka-leader-election.sh).")
  Path output;

  @Option(names = "--json", description = "Print the whole plan as JSON instead of tables.")
  boolean json;

  @Option(
      names = "--max-actions",
      defaultValue = "50",
      paramLabel = "N",
      description = "Actions listed in the table (default: ${DEFAULT-VALUE}).")
  int maxActions;

  @Override
  public Integer call() throws IOException {
    PlannerOptions options = PlannerSettings.options(goals, band, idleFloor, excludeTopics);
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter notes = json ? spec.commandLine().getErr() : out;
    ClusterModel model = withStates(model(notes));
    if (onlyRelieve != null) {
      return relieve(model, options, out, notes);
    }
    Plan plan = new Planner(options).plan(model);
    // The exact solver's verdict heads the plan; the lower bound's note follows it.
    StringWriter boundNote = new StringWriter();
    plan =
        exact
            ? ExactPlanning.exact(model, options, plan, timeLimit, notes)
            : ExactPlanning.withSolverBound(model, options, plan, new PrintWriter(boundNote));
    notes.flush();
    if (json) {
      out.print(PlanRenderer.json(plan));
    } else {
      out.print(PlanRenderer.table(plan, Math.max(0, maxActions)));
    }
    if (!boundNote.toString().isEmpty()) {
      notes.printf("%n%s", boundNote.toString().stripTrailing());
      notes.println();
      notes.flush();
    }
    if (output != null) {
      writeFiles(plan, out);
    }
    out.flush();
    // An impossible drain (or any unmet hard goal) is not a success to script on.
    return plan.summary().after().hard() > 0 ? ExitCodes.FAILED : 0;
  }

  /**
   * Plans only the relief of the brokers above {@link #onlyRelieve}; returns 1 when one stays
   * above.
   */
  private int relieve(
      ClusterModel model, PlannerOptions options, PrintWriter out, PrintWriter notes)
      throws IOException {
    if (exact) {
      throw new UserException(
          "--only-relieve and --exact do not combine: the exact solver balances every broker");
    }
    Relief relief;
    try {
      relief = ThresholdRelief.calculate(model, onlyRelieve, options);
    } catch (IllegalArgumentException e) {
      throw new UserException(e.getMessage());
    }
    Plan plan = relief.plan();
    notes.println("relieving brokers above " + onlyRelieve.text() + ":");
    relief.describe().forEach(line -> notes.println("  " + line));
    notes.println();
    notes.flush();
    out.print(json ? PlanRenderer.json(plan) : PlanRenderer.table(plan, Math.max(0, maxActions)));
    if (output != null && !plan.isEmpty()) {
      writeFiles(plan, out);
    }
    out.flush();
    return relief.relievedAll() ? 0 : ExitCodes.FAILED;
  }

  /** Writes the reassignment, rollback and election files next to {@link #output}. */
  private void writeFiles(Plan plan, PrintWriter out) throws IOException {
    Path rollback = siblingPath(output, ".rollback.json");
    Path election = siblingPath(output, ".election.json");
    Files.writeString(output, PlanRenderer.reassignmentJson(plan), StandardCharsets.UTF_8);
    Files.writeString(rollback, PlanRenderer.rollbackJson(plan), StandardCharsets.UTF_8);
    Files.writeString(election, PlanRenderer.electionJson(plan), StandardCharsets.UTF_8);
    PrintWriter report = json ? spec.commandLine().getErr() : out;
    if (plan.summary().after().hard() > 0) {
      report.printf(
          "%nWrote %s (%d partitions), but it does not meet every hard goal (see above):"
              + " applying it would leave them unmet.%n",
          output, plan.actions().size());
      report.flush();
      return;
    }
    report.printf(
        "%nWrote %s (%d partitions), its rollback %s and %s.%n"
            + "Apply with: kafka-reassign-partitions.sh --bootstrap-server HOST:PORT --execute"
            + " --reassignment-json-file %s%n"
            + "then, once it completes: kafka-leader-election.sh --bootstrap-server HOST:PORT"
            + " --election-type preferred --path-to-json-file %s%n",
        output, plan.actions().size(), rollback, election, output, election);
    report.flush();
  }

  /**
   * Returns a file next to {@code output}: plan.json and ".rollback.json" give plan.rollback.json.
   */
  public static Path siblingPath(Path output, String suffix) {
    String name = output.getFileName().toString();
    String base = name.endsWith(".json") ? name.substring(0, name.length() - 5) : name;
    return output.resolveSibling(base + suffix);
  }

  private ClusterModel model(PrintWriter notes) throws IOException {
    if ((snapshot == null) == !connection.isExternal()) {
      throw new UserException(
          "give either --snapshot FILE or --bootstrap-server HOST:PORT (to sample a live cluster)");
    }
    if (exact && (timeLimit.isZero() || timeLimit.isNegative())) {
      throw new UserException("--time-limit must be positive, not " + timeLimit);
    }
    if (snapshot != null) {
      return read(snapshot);
    }
    ClusterModel model = LiveSnapshot.take(connection, prometheus, sampling, notes);
    if (saveSnapshot != null) {
      Files.writeString(saveSnapshot, SnapshotCodec.write(model), StandardCharsets.UTF_8);
      notes.printf("wrote %s%n", saveSnapshot);
    }
    notes.println();
    return model;
  }

  private static ClusterModel read(Path file) throws IOException {
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return SnapshotCodec.parse(reader);
    } catch (NoSuchFileException e) {
      throw new UserException("snapshot file " + file + " does not exist");
    } catch (IOException e) {
      throw new UserException("snapshot file " + file + " " + FileProblems.describe(e));
    } catch (SnapshotFormatException e) {
      throw new UserException(file + ": " + e.getMessage());
    }
  }

  private ClusterModel withStates(ClusterModel model) {
    Map<Integer, BrokerState> states = new TreeMap<>();
    put(model, states, excludeBrokers, "--exclude-brokers", BrokerState.EXCLUDED);
    put(model, states, slow, "--slow", BrokerState.SLOW);
    put(model, states, drain, "--drain", BrokerState.DRAINING);
    return states.isEmpty() ? model : model.withBrokerStates(states);
  }

  private static void put(
      ClusterModel model,
      Map<Integer, BrokerState> states,
      List<Integer> ids,
      String option,
      BrokerState state) {
    for (int id : ids) {
      if (!model.hasBroker(id)) {
        throw new UserException(
            "broker "
                + id
                + " in "
                + option
                + " is not in the snapshot (brokers: "
                + model.brokerIdsText()
                + ")");
      }
      BrokerState previous = states.put(id, state);
      if (previous != null && previous != state) {
        throw new UserException(
            "broker " + id + " is given as both " + previous.label() + " and " + state.label());
      }
    }
  }
}
