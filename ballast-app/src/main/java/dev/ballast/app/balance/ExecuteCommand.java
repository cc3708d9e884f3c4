package dev.ballast.app.balance;

import dev.ballast.app.cli.ByteRateConverter;
import dev.ballast.app.cli.ConnectionOptions;
import dev.ballast.app.cli.StopOnSignal;
import dev.ballast.app.cli.UserException;
import dev.ballast.app.cli.VerboseOption;
import dev.ballast.app.plan.PlanCommand;
import dev.ballast.core.text.FileProblems;
import dev.ballast.kafka.AdminCalls;
import dev.ballast.kafka.Admins;
import dev.ballast.kafka.ClientSettings;
import dev.ballast.kafka.ClusterDescriber;
import dev.ballast.kafka.ClusterDescription;
import dev.ballast.kafka.ClusterUnreachableException;
import dev.ballast.kafka.canary.CanaryProber;
import dev.ballast.kafka.exec.ExecutionAgent;
import dev.ballast.kafka.exec.ExecutionJournal;
import dev.ballast.kafka.exec.ExecutionPhase;
import dev.ballast.kafka.exec.ExecutionProgress;
import dev.ballast.kafka.exec.ExecutorSettings;
import dev.ballast.kafka.exec.GuardSettings;
import dev.ballast.kafka.exec.PlanExecutor;
import dev.ballast.kafka.exec.PlanRevalidation;
import dev.ballast.kafka.exec.Reassignment;
import dev.ballast.kafka.exec.ReassignmentJson;
import dev.ballast.kafka.exec.TopicJournal;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.LongToIntFunction;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewPartitionReassignment;
import org.apache.kafka.clients.admin.PartitionReassignment;
import org.apache.kafka.common.TopicPartition;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Executes a reassignment JSON (Ballast's or Kafka's own) safely, or verifies or cancels it. */
@Command(
    name = "execute",
    mixinStandardHelpOptions = true,
    description = {
      "Executes a reassignment plan in bounded batches with an optional replication throttle",
      "that is always removed, shows progress, and elects preferred leaders at the end. Accepts",
      "the JSON of kafka-reassign-partitions.sh as well as Ballast's. The plan is checked first:",
      "an unknown topic, partition or broker, or a changed replication factor, executes nothing.",
      "Running a plan again resumes it. Ctrl-C cancels the moves in flight. Every move and",
      "throttle is journaled in the topic __ballast_journal before it is applied; a run killed",
      "mid-move is finished by the next one, which removes exactly the throttles it set.",
      "A new replica on a broker whose every log dir is cordoned (KIP-1066), or a cordoned",
      "log dir in log_dirs, is refused too. With --execute-window the plan waits for the",
      "window, then is re-validated against the cluster as it is then: a move someone else",
      "made since the plan (its .rollback.json next to it, or the placement when execute",
      "started) is dropped with the reason, and the rest runs."
    },
    footer = {
      "",
      "Examples:",
      "  ballast execute plan.json --bootstrap-server kafka:9092 --throttle 50MB",
      "  ballast execute plan.json --bootstrap-server kafka:9092 --execute-window 01:00-05:00",
      "  ballast execute plan.json --bootstrap-server kafka:9092 --verify"
    })
public final class ExecuteCommand implements Callable<Integer> {

  @Mixin VerboseOption verbose;
  @Mixin ConnectionOptions connection;
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "PLAN.json", description = "The reassignment JSON to execute.")
  Path planFile;

  @Option(
      names = "--throttle",
      defaultValue = "0",
      paramLabel = "BYTES_PER_SEC",
      converter = ByteRateConverter.class,
      description = "Replication throttle while moving e.g. 10MB or 50MiB (default: none).")
  long throttle;

  @Option(
      names = "--max-moves-per-broker",
      defaultValue = "5",
      description = "Most moves in flight touching one broker (default: ${DEFAULT-VALUE}).")
  int perBroker;

  @Option(
      names = "--max-moves",
      defaultValue = "20",
      description = "Most moves in flight in the cluster (default: ${DEFAULT-VALUE}).")
  int inCluster;

  @Mixin MoveOrderOption moveOrder;

  @Option(
      names = "--execute-window",
      paramLabel = "HH:MM-HH:MM[@ZONE]",
      converter = ExecuteWindowOption.class,
      description = ExecuteWindowOption.DESCRIPTION)
  ExecuteWindow window;

  @Option(
      names = "--planned-from",
      paramLabel = "FILE",
      description =
          "The placement the plan was made for, as a reassignment JSON (default: the"
              + " .rollback.json 'plan -o' wrote next to PLAN.json, when it exists); moves whose"
              + " partition has since moved elsewhere are dropped before the plan starts.")
  Path plannedFrom;

  @Option(
      names = "--allow-replication-factor-change",
      description =
          "Apply a plan that changes a partition's replication factor (refused by default, as"
              + " KIP-860 guards against it).")
  boolean allowReplicationFactorChange;

  /** The wall clock the execute window is read on; tests replace it. */
  Clock clock = Clock.systemUTC();

  @Mixin MaxProduceP99Option maxProduceP99;

  @ArgGroup(exclusive = true)
  Mode mode;

  static final class Mode {
    @Option(
        names = "--verify",
        description =
            "Report whether each partition has reached its target, and remove the throttle"
                + " Ballast left once none of its moves is in flight (as Kafka's --verify does).")
    boolean verify;

    @Option(
        names = "--cancel",
        description =
            "Cancel the plan's reassignments in flight (reverting them), and those an earlier"
                + " Ballast run left in its journal; removes the throttle Ballast set.")
    boolean cancel;
  }

  @Override
  public Integer call() {
    List<Reassignment> plan = readPlan(planFile);
    moveOrder.order(); // a bad name is refused before the cluster is contacted
    ClientSettings client = connection.settings();
    if (throttle < 0 || perBroker < 1 || inCluster < 1) {
      throw new UserException("--throttle must be >= 0 and the move limits >= 1");
    }
    PrintWriter out = spec.commandLine().getOut();
    try (Admin admin = Admins.create(client, connection.timeout())) {
      ClusterDescription cluster =
          new ClusterDescriber(admin, connection.timeout(), client.bootstrapServers())
              .describe(true);
      ClusterDescriber describer =
          new ClusterDescriber(admin, connection.timeout(), client.bootstrapServers());
      List<String> errors =
          PlanRecheck.problems(
              admin,
              connection.timeout(),
              describer,
              cluster,
              plan,
              PlanRecheck.requestedDirs(planFile),
              allowReplicationFactorChange);
      if (!errors.isEmpty()) {
        throw new UserException(
            planFile
                + ": "
                + errors.get(0)
                + (errors.size() > 1
                    ? " (and " + (errors.size() - 1) + " more problem(s)); nothing was executed"
                    : "; nothing was executed"));
      }
      if (mode != null && (window != null || plannedFrom != null)) {
        throw new UserException(
            "--execute-window and --planned-from apply to executing, not to --verify or --cancel");
      }
      if (window != null || plannedFrom != null || hasRollback()) {
        Map<TopicPartition, List<Integer>> from =
            PlanRecheck.plannedFrom(planFile, plannedFrom, cluster, plan, out);
        if (window != null && !WindowWait.untilOpen(window, clock, out)) {
          return 1;
        }
        PlanRevalidation.Outcome outcome =
            PlanRecheck.revalidate(admin, connection.timeout(), describer, plan, from, out);
        stale = outcome.dropped().size();
        plan = outcome.kept();
      }
      try (ExecutionJournal journal = Leftovers.openJournal(client, admin, connection.timeout())) {
        if (mode != null && mode.verify) {
          int status = verify(admin, plan, cluster, out);
          Leftovers.removeIfIdle(admin, settings(), journal, out);
          return status;
        }
        if (mode != null && mode.cancel) {
          Leftovers.finish(admin, settings(), journal, /* cancel= */ true, out);
          return cancel(admin, plan, out);
        }
        ExecutionProgress left =
            Leftovers.finish(admin, settings(), journal, /* cancel= */ false, out);
        if (left != null && left.phase() != ExecutionPhase.DONE) {
          out.println("the earlier run's moves did not finish; nothing new was started");
          out.flush();
          return 1;
        }
        return execute(admin, client, plan, out, journal);
      }
    } catch (ClusterUnreachableException e) {
      throw new UserException(e.getMessage(), 3);
    }
  }

  private int stale;

  private boolean hasRollback() {
    return mode == null && Files.isRegularFile(PlanCommand.siblingPath(planFile, ".rollback.json"));
  }

  private ExecutorSettings settings() {
    return ExecutorSettings.defaults()
        .withThrottle(throttle)
        .withLimits(perBroker, inCluster)
        .withOrder(moveOrder.order())
        .withLatencyGuard(maxProduceP99.limit(), GuardSettings.DEFAULT_WINDOW);
  }

  private int execute(
      Admin admin,
      ClientSettings client,
      List<Reassignment> plan,
      PrintWriter out,
      ExecutionJournal journal) {
    PlanExecutor executor = new PlanExecutor(admin, settings(), journal, TopicJournal.owner());
    // The latency guard reads the canary's produce latency: one round a second, 5 s timeout.
    try (CanaryProber prober =
            maxProduceP99.isOn()
                ? new CanaryProber(
                    admin,
                    client,
                    Duration.ofSeconds(1),
                    Duration.ofSeconds(5),
                    30,
                    System::nanoTime)
                : null;
        // Ctrl-C: cancel (the moves in flight are reverted), and let the JVM end once that is done.
        StopOnSignal stop =
            StopOnSignal.install("the execution", executor::abort, out, Duration.ofSeconds(30))) {
      LongToIntFunction alongside =
          prober == null
              ? now -> 0
              : now -> {
                int probed = prober.doWork(now);
                if (probed > 0) {
                  executor.onCanaryRound(prober.lastRound());
                }
                return probed;
              };
      return executeUntilDone(executor, alongside, plan, out);
    }
  }

  private int executeUntilDone(
      PlanExecutor executor,
      LongToIntFunction alongside,
      List<Reassignment> plan,
      PrintWriter out) {
    executor.start(plan);
    ExecutionProgress start = executor.progress();
    out.printf(
        "executing %d reassignment(s) from %s (%d already at target or left alone)%s%n",
        start.total() - start.skipped(),
        planFile,
        start.skipped(),
        throttle > 0 ? ", throttle " + ConsoleListener.bytes(throttle) + "/s" : "");
    start.notes().forEach(n -> out.println("  " + n));
    ProgressLines lines = new ProgressLines();
    lines.next(start).forEach(out::println);
    out.flush();
    ExecutionProgress end =
        new ExecutionAgent(
                executor,
                System::nanoTime,
                Duration.ofHours(24),
                p -> {
                  if (window != null && !window.contains(clock.instant())) {
                    executor.stopStarting(
                        "the execute window "
                            + window.text()
                            + " closed: no new move starts; the "
                            + p.inFlight()
                            + " in flight finish");
                  }
                  lines.next(p).forEach(out::println);
                  out.flush();
                })
            .alongside(alongside)
            .runToEnd(Duration.ofMillis(100));
    out.println(
        "execution "
            + end.phase().label()
            + ": "
            + end.done()
            + " moved, "
            + end.failed()
            + " failed, "
            + end.skipped()
            + " skipped");
    end.notes().stream().skip(start.notes().size()).forEach(n -> out.println("  " + n));
    List<Reassignment> remaining = executor.notStarted();
    if (!remaining.isEmpty() && end.phase() == ExecutionPhase.DONE) {
      out.printf(
          "%d move(s) not started before the window closed: %s; run the same command again to"
              + " carry on in the next window (it re-validates them)%n",
          remaining.size(),
          String.join(", ", remaining.stream().limit(20).map(Reassignment::name).toList())
              + (remaining.size() > 20 ? ", ..." : ""));
    }
    if (stale > 0) {
      out.printf("%d stale move(s) were dropped before the start (see above)%n", stale);
    }
    out.flush();
    return end.phase() == ExecutionPhase.DONE
            && end.failed() == 0
            && remaining.isEmpty()
            && stale == 0
        ? 0
        : 1;
  }

  private int verify(
      Admin admin, List<Reassignment> plan, ClusterDescription cluster, PrintWriter out) {
    Map<TopicPartition, PartitionReassignment> ongoing =
        AdminCalls.get(
            admin.listPartitionReassignments().reassignments(),
            connection.timeout(),
            "list reassignments");
    int complete = 0;
    for (Reassignment r : plan) {
      List<Integer> now =
          cluster.topics().get(r.topic()).stream()
              .filter(p -> p.partition() == r.partition())
              .findFirst()
              .orElseThrow()
              .replicas();
      String state =
          ongoing.containsKey(r.topicPartition())
              ? "in progress"
              : now.equals(r.replicas()) ? "complete" : "not at target (now " + now + ")";
      if (state.equals("complete")) {
        complete++;
      }
      out.printf("%s -> %s: %s%n", r.name(), r.replicas(), state);
    }
    out.printf("%d of %d partition(s) at their target%n", complete, plan.size());
    out.flush();
    return complete == plan.size() ? 0 : 1;
  }

  private int cancel(Admin admin, List<Reassignment> plan, PrintWriter out) {
    Map<TopicPartition, PartitionReassignment> ongoing =
        AdminCalls.get(
            admin.listPartitionReassignments().reassignments(),
            connection.timeout(),
            "list reassignments");
    Map<TopicPartition, Optional<NewPartitionReassignment>> revert = new HashMap<>();
    plan.stream()
        .map(Reassignment::topicPartition)
        .filter(ongoing::containsKey)
        .forEach(tp -> revert.put(tp, Optional.empty()));
    if (!revert.isEmpty()) {
      AdminCalls.get(
          admin.alterPartitionReassignments(revert).all(),
          connection.timeout(),
          "cancel reassignments");
    }
    out.printf(
        "cancelled %d reassignment(s) in flight; %d of the plan were not in flight%n",
        revert.size(), plan.size() - revert.size());
    out.flush();
    return 0;
  }

  /** Reads and parses the plan file; every problem is a one-line user error naming the file. */
  static List<Reassignment> readPlan(Path file) {
    String json;
    try {
      json = Files.readString(file);
    } catch (NoSuchFileException e) {
      throw new UserException("plan file " + file + " does not exist");
    } catch (IOException e) {
      throw new UserException("plan file " + file + " " + FileProblems.describe(e));
    }
    try {
      List<Reassignment> plan = ReassignmentJson.parse(json);
      if (plan.isEmpty()) {
        throw new UserException(file + ": the plan has no partitions; nothing to do", 0);
      }
      return plan;
    } catch (IllegalArgumentException e) {
      throw new UserException(file + ": " + e.getMessage() + "; nothing was executed");
    }
  }
}
