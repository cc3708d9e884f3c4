package dev.ballast.app.balance;

import static java.util.Objects.requireNonNull;

import dev.ballast.app.cli.CliErrors;
import dev.ballast.app.cli.StopOnSignal;
import dev.ballast.app.cli.UserException;
import dev.ballast.app.http.BallastHttpServer;
import dev.ballast.app.http.HttpSettings;
import dev.ballast.core.loop.AgentRunner;
import dev.ballast.core.loop.ErrorHandler;
import dev.ballast.core.loop.ParkingIdleStrategy;
import dev.ballast.kafka.Admins;
import dev.ballast.kafka.ClientSettings;
import dev.ballast.kafka.ClusterDescriber;
import dev.ballast.kafka.ClusterUnreachableException;
import dev.ballast.kafka.access.Refusals;
import dev.ballast.kafka.exec.ExecutionJournal;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.apache.kafka.clients.admin.Admin;

/**
 * Runs the balancer service against a cluster from the command line: checks the cluster answers,
 * marks brokers to drain or add, runs until Ctrl-C, a deadline, or (once) the first evaluation and
 * its execution end; Ctrl-C cancels an execution in flight and removes its throttle. With HTTP
 * settings it also serves the dashboard, the JSON API and /metrics while it runs.
 *
 * <p>Built step by step: {@code BalanceRun.against(client, timeout, settings)}, then what differs
 * from the defaults (nothing drained or added, until Ctrl-C, no HTTP), then {@link #run}.
 */
public final class BalanceRun {

  private final ClientSettings client;
  private final Duration timeout;
  private final BalancerSettings settings;
  private Set<Integer> drain = Set.of();
  private Set<Integer> add = Set.of();
  private boolean once;
  private Duration maxRun = Duration.ofDays(3650);
  private boolean verbose;
  private HttpSettings http;
  private Consumer<BalancerService> configure = s -> {};

  private BalanceRun(ClientSettings client, Duration timeout, BalancerSettings settings) {
    this.client = requireNonNull(client, "client");
    this.timeout = requireNonNull(timeout, "timeout");
    this.settings = requireNonNull(settings, "settings");
  }

  /** Returns a run of the balancer with {@code settings} on the cluster behind {@code client}. */
  public static BalanceRun against(
      ClientSettings client, Duration timeout, BalancerSettings settings) {
    return new BalanceRun(client, timeout, settings);
  }

  /** Marks {@code brokers} to be drained. */
  public BalanceRun draining(Set<Integer> brokers) {
    this.drain = Set.copyOf(brokers);
    return this;
  }

  /** Marks {@code brokers} as new brokers to receive their share. */
  public BalanceRun adding(Set<Integer> brokers) {
    this.add = Set.copyOf(brokers);
    return this;
  }

  /** Ends after the first evaluation and its execution when {@code firstOnly}. */
  public BalanceRun once(boolean firstOnly) {
    this.once = firstOnly;
    return this;
  }

  /** Ends after {@code max} at the latest. */
  public BalanceRun maxRun(Duration max) {
    this.maxRun = requireNonNull(max, "maxRun");
    return this;
  }

  /** Prints every event, not only the ones that matter, when {@code on}. */
  public BalanceRun verbose(boolean on) {
    this.verbose = on;
    return this;
  }

  /** Serves the dashboard, API and /metrics with {@code settings}; null serves nothing. */
  public BalanceRun serving(HttpSettings settings) {
    this.http = settings;
    return this;
  }

  /** Applies {@code step} to the service before it starts. */
  public BalanceRun configuring(Consumer<BalancerService> step) {
    this.configure = requireNonNull(step, "configure");
    return this;
  }

  /** Runs the balancer, printing to {@code out}; returns the exit code. */
  public int run(PrintWriter out) {
    try (Admin admin = Admins.create(client, timeout)) {
      requireKnown(admin);
      ConsoleListener console = new ConsoleListener(out, verbose);
      CountingListener counting = new CountingListener(console);
      // Whatever may execute journals first; a dry run without approval never does.
      boolean mayExecute = !settings.dryRun() || http != null;
      try (ExecutionJournal journal =
              mayExecute
                  ? Leftovers.openJournal(client, admin, timeout)
                  : ExecutionJournal.inMemory();
          BalancerService service =
              new BalancerService(admin, client, settings, System::nanoTime, counting, journal)) {
        service.drain(drain);
        service.addBrokers(add);
        configure.accept(service);
        return serve(service, counting, out);
      }
    } catch (ClusterUnreachableException e) {
      throw new UserException(e.getMessage(), 3);
    }
  }

  private void requireKnown(Admin admin) {
    var cluster = new ClusterDescriber(admin, timeout, client.bootstrapServers()).describe(false);
    Set<Integer> known = new TreeSet<>();
    cluster.brokers().forEach(b -> known.add(b.id()));
    Set<Integer> named = new TreeSet<>(drain);
    named.addAll(add);
    for (int b : named) {
      if (!known.contains(b)) {
        throw new UserException(
            "broker " + b + " is not in the cluster (brokers: " + join(known) + ")");
      }
    }
  }

  private int serve(BalancerService service, CountingListener counting, PrintWriter out) {
    BallastHttpServer server = startHttp(service, out);
    AtomicReference<String> lastError = new AtomicReference<>();
    AgentRunner runner = newRunner(service, counting, lastError);
    StopOnSignal stop =
        StopOnSignal.install(
            "the balancer",
            () -> {
              runner.requestStop();
              service.abortExecution();
            },
            out,
            Duration.ofSeconds(30));
    printStart(out);
    try {
      runner.run();
      runner.throwIfFailed();
    } finally {
      if (server != null) {
        server.close();
      }
      if (stop.signalled()) {
        service.close(); // before the JVM ends: no client left talking to a stopping cluster
      }
      stop.close();
    }
    return conclude(counting, lastError.get(), out);
  }

  private AgentRunner newRunner(
      BalancerService service, CountingListener counting, AtomicReference<String> lastError) {
    return AgentRunner.onCallerThread(
        new ServiceAgent(
            "balancer",
            System::nanoTime,
            service::doWork,
            () -> once && counting.evaluations() > 0 && !service.isExecuting(),
            maxRun),
        ParkingIdleStrategy.parkingUpTo(Duration.ofMillis(100)),
        e -> {
          // A missing permission does not heal by retrying: fail with what to grant.
          if (!(e instanceof Exception ex) || Refusals.isAccessProblem(e)) {
            return ErrorHandler.Decision.STOP;
          }
          lastError.set(CliErrors.describe(ex));
          service.reportError(CliErrors.describe(ex), ex);
          return ErrorHandler.Decision.continueAfter(Duration.ofSeconds(2));
        });
  }

  private void printStart(PrintWriter out) {
    out.printf(
        "balancing %s (%s); Ctrl-C stops and cancels any move in flight%n",
        client.bootstrapServers(), settings.dryRun() ? "dry run" : "executing plans");
    if (!settings.prometheusUrls().isEmpty()) {
      out.printf(
          "bytes in/out: measured at %d Prometheus endpoint(s); a window with a failed scrape"
              + " uses the offset estimate and says so%n",
          settings.prometheusUrls().size());
    }
    out.flush();
  }

  private int conclude(CountingListener counting, String lastError, PrintWriter out) {
    if (once && counting.noPlanReason() != null) {
      out.println(counting.noPlanReason());
      out.flush();
    }
    if (once && counting.evaluations() == 0) {
      throw new UserException(
          "no plan within "
              + maxRun.toSeconds()
              + " s: the load window did not fill ("
              + (lastError == null ? "is the cluster answering?" : "last error: " + lastError)
              + ")",
          1);
    }
    return counting.failedExecutions() > 0 ? 1 : 0;
  }

  private BallastHttpServer startHttp(BalancerService service, PrintWriter out) {
    if (http == null) {
      return null;
    }
    BallastHttpServer server;
    try {
      server = BallastHttpServer.start(http, service, System::currentTimeMillis);
    } catch (IllegalArgumentException e) {
      throw new UserException(e.getMessage());
    }
    out.printf(
        "dashboard: %s%nmetrics:   %smetrics%napi:       %sapi/state (approve and cancel need"
            + " the token %s)%n",
        server.dashboardUrl(), server.url(), server.url(), server.token());
    if (service.settings().dryRun()) {
      out.println("approval mode: proposed plans run only when approved in the dashboard or API");
    }
    out.flush();
    return server;
  }

  private static String join(Set<Integer> ids) {
    return String.join(",", ids.stream().map(String::valueOf).toList());
  }
}
