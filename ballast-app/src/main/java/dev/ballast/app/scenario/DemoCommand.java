package dev.ballast.app.scenario;

import dev.ballast.app.balance.ConsoleListener;
import dev.ballast.app.cli.ConnectionOptions;
import dev.ballast.app.cli.StopOnSignal;
import dev.ballast.app.cli.Table;
import dev.ballast.app.cli.UserException;
import dev.ballast.app.cli.VerboseOption;
import dev.ballast.app.worker.ScenarioWorkers;
import dev.ballast.app.worker.WorkersOption;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * The main job: the auto-balancing scenarios on an embedded real cluster, with verdicts and
 * reports.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "Runs scenarios on an embedded real Apache Kafka cluster (or on yours, with",
      "--bootstrap-server): each builds an imbalance on purpose (explicit placement,",
      "rate-controlled load), lets Ballast's balancer detect and fix it, checks the",
      "result (convergence, balance, sampled metrics against the known load, nothing",
      "lost or duplicated) and writes a report to results/<scenario>-<time>/",
      "(Markdown, summary.json, timeseries.csv, PNG charts).",
      "",
      "Scenarios: traffic-based, qps-based, scale-up, scale-down, slow-node,",
      "capacity (the doctor sizes a saturated cluster; its fix is written and",
      "applied), all (these six), and the variant scale-down-kill (a broker killed,",
      "RF 2, self-healing).",
      "",
      "On your cluster: each scenario creates its topic ballast-demo-<name> on the",
      "brokers with the lowest ids, balances only that topic, and deletes the topic",
      "and its consumer group at the end. scale-up and scale-down run",
      "--add-broker-cmd / --stop-broker-cmd (docker, kubectl, ...) or say what to do",
      "and wait. slow-node and capacity inject faults through the embedded cluster's",
      "proxy and run only there.",
      "",
      "With --workers N each scenario's load runs on N worker processes forked for",
      "its cluster (stopped when it ends), with --workers external on the workers",
      "already registered (needs --bootstrap-server); checks and reports are the same.",
      "The control topics stay out of the scenarios' reach: on --control-bootstrap, or",
      "else (forked workers) on a one-broker embedded control cluster."
    },
    footer = {
      "",
      "Examples:",
      "  ballast demo scale-down --quick --workers 2",
      "  ballast demo traffic-based --bootstrap-server kafka:9092 --workers external \\",
      "      --control-bootstrap ops-kafka:9092",
      "",
      "Exit code 0 when every check passes, 1 otherwise."
    })
public final class DemoCommand implements Callable<Integer> {

  @Mixin VerboseOption verbose;
  @Spec CommandSpec spec;

  @Parameters(
      arity = "0..1",
      defaultValue = "all",
      paramLabel = "SCENARIO",
      description = "The scenario to run (default: ${DEFAULT-VALUE}).")
  String scenario;

  @Option(
      names = "--quick",
      description = "Lower rates and shorter phases (for tests and a first look).")
  boolean quick;

  @Option(
      names = "--results",
      defaultValue = "results",
      paramLabel = "DIR",
      description = "Where results go (default: ${DEFAULT-VALUE}).")
  Path results;

  @Option(
      names = "--balancer",
      defaultValue = "ballast",
      paramLabel = "ballast|external",
      description =
          "ballast: Ballast balances; external: Ballast only drives the load, observes and judges (default: ${DEFAULT-VALUE}).")
  String balancer;

  @Mixin ConnectionOptions connection;

  @Option(
      names = "--add-broker-cmd",
      paramLabel = "CMD",
      description =
          "Shell command that starts one more broker (scale-up on --bootstrap-server); without it"
              + " the demo asks you to and waits.")
  String addBrokerCmd;

  @Option(
      names = "--stop-broker-cmd",
      paramLabel = "CMD",
      description =
          "Shell command that stops broker {id} (also in $BALLAST_BROKER_ID; scale-down on"
              + " --bootstrap-server); without it the demo asks you to and waits.")
  String stopBrokerCmd;

  @Option(
      names = "--action-timeout",
      defaultValue = "10m",
      converter = dev.ballast.app.cli.DurationConverter.Positive.class,
      paramLabel = "DURATION",
      description =
          "How long to wait for a broker to join or leave an external cluster (default:"
              + " ${DEFAULT-VALUE}).")
  Duration actionTimeout;

  @Mixin WorkersOption workers;

  /** Scenarios that inject faults through the embedded cluster's proxy. */
  static final java.util.Set<String> EMBEDDED_ONLY = java.util.Set.of("slow-node", "capacity");

  /** Triggers that stop a broker of the cluster under test. */
  private static final java.util.Set<Trigger> STOPS_A_BROKER =
      java.util.EnumSet.of(Trigger.DRAIN_AND_STOP, Trigger.KILL);

  @Override
  public Integer call() throws IOException, InterruptedException {
    if (!balancer.equals("ballast") && !balancer.equals("external")) {
      throw new UserException("--balancer must be 'ballast' or 'external', not '" + balancer + "'");
    }
    Map<String, ScenarioSpec> catalogue = Scenarios.catalogue(quick);
    List<String> names = names(catalogue, connection.isExternal());
    ScenarioWorkers.check(
        workers,
        connection.isExternal(),
        names.stream().filter(n -> STOPS_A_BROKER.contains(catalogue.get(n).trigger())).toList());
    ExternalTarget external = external();
    PrintWriter out = spec.commandLine().getOut();
    try (ScenarioWorkers scenarioWorkers = ScenarioWorkers.open(workers, out)) {
      return run(catalogue, names, external, scenarioWorkers, out);
    }
  }

  private int run(
      Map<String, ScenarioSpec> catalogue,
      List<String> names,
      ExternalTarget external,
      ScenarioWorkers scenarioWorkers,
      PrintWriter out)
      throws IOException {
    ScenarioOptions options =
        new ScenarioOptions(
            quick,
            results,
            balancer.equals("external"),
            Duration.ofSeconds(quick ? 60 : 90),
            external);
    ScenarioRunner runner = new ScenarioRunner(options, out, scenarioWorkers);
    List<ScenarioResult> done = new ArrayList<>();
    long start = System.nanoTime();
    // Ctrl-C or SIGTERM: the current scenario stops, cleans up and writes what it measured; the
    // next ones do not start. A second signal exits at once.
    try (StopOnSignal stop =
        StopOnSignal.install("the demo", runner::requestStop, out, Duration.ofSeconds(90))) {
      for (String n : names) {
        out.printf("%n=== %s: %s ===%n", n, catalogue.get(n).title());
        out.flush();
        done.add(runner.run(catalogue.get(n)));
        if (runnerStopped(runner)) {
          break;
        }
      }
      ReportWriter.writeIndex(results, done);
    }
    printSummary(out, done, (System.nanoTime() - start) / 1e9);
    return done.stream().allMatch(ScenarioResult::passed) && done.size() == names.size() ? 0 : 1;
  }

  /** Returns the scenarios to run, checked: known, and able to run on an external cluster. */
  private List<String> names(Map<String, ScenarioSpec> catalogue, boolean external) {
    List<String> names = scenario.equals("all") ? Scenarios.ALL : List.of(scenario);
    if (external) {
      if (!scenario.equals("all") && EMBEDDED_ONLY.contains(scenario)) {
        throw new UserException(
            scenario
                + " injects faults with the embedded cluster's proxy and cannot run on"
                + " --bootstrap-server; run it without --bootstrap-server");
      }
      names = names.stream().filter(n -> !EMBEDDED_ONLY.contains(n)).toList();
    }
    for (String n : names) {
      if (!catalogue.containsKey(n)) {
        throw new UserException(
            "unknown scenario '"
                + n
                + "' (scenarios: "
                + String.join(", ", catalogue.keySet())
                + ", all)");
      }
    }
    return names;
  }

  /** Returns the external cluster, checked reachable, or null for the embedded one. */
  private ExternalTarget external() {
    if (!connection.isExternal()) {
      if (addBrokerCmd != null || stopBrokerCmd != null) {
        throw new UserException(
            "--add-broker-cmd and --stop-broker-cmd go with --bootstrap-server");
      }
      return null;
    }
    dev.ballast.kafka.ClientSettings client = connection.settings();
    Duration timeout = connection.timeout();
    try (var admin = dev.ballast.kafka.Admins.create(client, timeout)) {
      dev.ballast.kafka.AdminCalls.get(
          admin.describeCluster().nodes(), timeout, "describe the cluster");
    } catch (RuntimeException e) {
      throw new UserException(
          "cannot reach the cluster at "
              + client.bootstrapServers()
              + ": "
              + e.getMessage()
              + " (check --bootstrap-server and --command-config)");
    }
    return new ExternalTarget(client, addBrokerCmd, stopBrokerCmd, actionTimeout);
  }

  private static boolean runnerStopped(ScenarioRunner runner) {
    return runner.isStopRequested();
  }

  private void printSummary(PrintWriter out, List<ScenarioResult> done, double seconds) {
    out.println();
    Table t =
        new Table(
            "scenario",
            "verdict",
            "converged",
            "moves",
            "moved",
            "before -> after (max/mean)",
            "lost/dup");
    for (ScenarioResult r : done) {
      var metric = r.spec().expectation().metric();
      double b = r.before() == null ? Double.NaN : ScenarioChecks.maxOverMean(r.before(), metric);
      double a = r.after() == null ? Double.NaN : ScenarioChecks.maxOverMean(r.after(), metric);
      String cont =
          r.workload() == null || r.workload().groups().isEmpty()
              ? "-"
              : r.workload().groups().get(0).verdict().lost()
                  + "/"
                  + r.workload().groups().get(0).verdict().duplicated();
      t.row(
          r.spec().name(),
          r.verdict(),
          r.convergenceSeconds() == null
              ? "-"
              : String.format(Locale.ROOT, "%.1f s", r.convergenceSeconds()),
          r.moves() + "+" + r.leaderChanges() + "L",
          ConsoleListener.bytes(r.bytesMoved()),
          r.spec().trigger() == Trigger.CAPACITY
              ? String.format(
                  Locale.ROOT,
                  "under-replicated %s -> %s, brokers %s -> %s",
                  r.before() == null ? "-" : ScenarioChecks.underReplicated(r.before()),
                  r.after() == null ? "-" : ScenarioChecks.underReplicated(r.after()),
                  r.before() == null ? "-" : r.before().brokers().size(),
                  r.after() == null ? "-" : r.after().brokers().size())
              : String.format(Locale.ROOT, "%s %.2f -> %.2f", metric.label(), b, a),
          cont);
    }
    t.print(out);
    for (ScenarioResult r : done) {
      r.checks().stream()
          .filter(c -> c.outcome() != dev.ballast.app.task.Outcome.PASS)
          // A run that stopped early says so below; its unjudged checks add nothing.
          .filter(
              c -> r.error() == null || c.outcome() != dev.ballast.app.task.Outcome.INCONCLUSIVE)
          .forEach(
              c ->
                  out.println(
                      c.outcome()
                          + " "
                          + r.spec().name()
                          + ": "
                          + c.summary()
                          + ": "
                          + c.evidence()));
      if (r.error() != null) {
        out.println("FAIL " + r.spec().name() + ": " + r.error());
      }
    }
    out.printf(
        Locale.ROOT,
        "%d scenario(s) in %.0f s; report: %s%n",
        done.size(),
        seconds,
        results.resolve("latest/README.md"));
    out.flush();
  }
}
