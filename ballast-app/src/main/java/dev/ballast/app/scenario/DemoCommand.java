package dev.ballast.app.scenario;

import dev.ballast.app.balance.ConsoleListener;
import dev.ballast.app.cli.Table;
import dev.ballast.app.cli.UserException;
import dev.ballast.app.cli.VerboseOption;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
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
      "Runs auto-balancing scenarios on an embedded real Apache Kafka cluster: each starts a",
      "cluster, builds an imbalance on purpose (explicit placement and rate-controlled load), lets",
      "Ballast's balancer detect and fix it, checks the result (convergence, balance, sampled",
      "metrics against the known load, nothing lost or duplicated) and writes a report to",
      "results/<scenario>-<time>/ (Markdown, summary.json, timeseries.csv, PNG charts).",
      "",
      "Scenarios: traffic-based, qps-based, scale-up, scale-down, slow-node, all (the five),",
      "and the variant scale-down-kill (a broker killed, RF 2, self-healing)."
    },
    footer = {"", "Exit code 0 when every check passes, 1 otherwise."})
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

  @Option(
      names = "--bootstrap-server",
      paramLabel = "HOST:PORT",
      description =
          "Run on an external cluster (not supported yet: the scenarios start their own cluster).")
  String bootstrapServer;

  @Override
  public Integer call() throws IOException, InterruptedException {
    if (bootstrapServer != null) {
      throw new UserException(
          "demo --bootstrap-server is not supported yet: scenarios start, scale and fault their own embedded cluster; use 'ballast balance --bootstrap-server' on your cluster");
    }
    if (!balancer.equals("ballast") && !balancer.equals("external")) {
      throw new UserException("--balancer must be 'ballast' or 'external', not '" + balancer + "'");
    }
    Map<String, ScenarioSpec> catalogue = Scenarios.catalogue(quick);
    List<String> names = scenario.equals("all") ? Scenarios.ALL : List.of(scenario);
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
    PrintWriter out = spec.commandLine().getOut();
    ScenarioOptions options =
        new ScenarioOptions(
            quick, results, balancer.equals("external"), Duration.ofSeconds(quick ? 60 : 90));
    ScenarioRunner runner = new ScenarioRunner(options, out);
    CountDownLatch finished = new CountDownLatch(1);
    Thread hook =
        new Thread(
            () -> {
              out.println(
                  "stopping: the current scenario cleans up and writes what it measured...");
              out.flush();
              runner.requestStop();
              try {
                finished.await();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            },
            "ballast-demo-stop");
    Runtime.getRuntime().addShutdownHook(hook);
    List<ScenarioResult> done = new ArrayList<>();
    long start = System.nanoTime();
    try {
      for (String n : names) {
        out.printf("%n=== %s: %s ===%n", n, catalogue.get(n).title());
        out.flush();
        done.add(runner.run(catalogue.get(n)));
        if (runnerStopped(runner)) {
          break;
        }
      }
      ReportWriter.writeIndex(results, done);
    } finally {
      finished.countDown();
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException ignored) {
        // shutting down after Ctrl-C
      }
    }
    printSummary(out, done, (System.nanoTime() - start) / 1e9);
    return done.stream().allMatch(ScenarioResult::passed) && done.size() == names.size() ? 0 : 1;
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
          r.passed() ? "PASS" : "FAIL",
          r.convergenceSeconds() == null
              ? "-"
              : String.format(Locale.ROOT, "%.1f s", r.convergenceSeconds()),
          r.moves() + "+" + r.leaderChanges() + "L",
          ConsoleListener.bytes(r.bytesMoved()),
          String.format(Locale.ROOT, "%s %.2f -> %.2f", metric.label(), b, a),
          cont);
    }
    t.print(out);
    for (ScenarioResult r : done) {
      r.checks().stream()
          .filter(c -> !c.passed())
          .forEach(
              c -> out.println("FAIL " + r.spec().name() + ": " + c.name() + ": " + c.evidence()));
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
