package dev.ballast.app.balance;

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
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.admin.Admin;

/**
 * Runs the balancer service against a cluster from the command line: checks the cluster answers,
 * marks brokers to drain or add, runs until Ctrl-C, a deadline, or (once) the first evaluation and
 * its execution end; Ctrl-C cancels an execution in flight and removes its throttle. With HTTP
 * settings it also serves the dashboard, the JSON API and /metrics while it runs.
 */
public final class BalanceRun {

  private BalanceRun() {}

  static int run(
      ClientSettings client,
      Duration timeout,
      BalancerSettings settings,
      Set<Integer> drain,
      Set<Integer> add,
      boolean once,
      Duration maxRun,
      PrintWriter out,
      boolean verbose) {
    return run(client, timeout, settings, drain, add, once, maxRun, out, verbose, null);
  }

  /** Runs the balancer as above, serving HTTP with {@code http} unless it is null. */
  public static int run(
      ClientSettings client,
      Duration timeout,
      BalancerSettings settings,
      Set<Integer> drain,
      Set<Integer> add,
      boolean once,
      Duration maxRun,
      PrintWriter out,
      boolean verbose,
      HttpSettings http) {
    return run(client, timeout, settings, drain, add, once, maxRun, out, verbose, http, s -> {});
  }

  /** Runs the balancer as above, with {@code configure} applied to the service before it starts. */
  public static int run(
      ClientSettings client,
      Duration timeout,
      BalancerSettings settings,
      Set<Integer> drain,
      Set<Integer> add,
      boolean once,
      Duration maxRun,
      PrintWriter out,
      boolean verbose,
      HttpSettings http,
      java.util.function.Consumer<BalancerService> configure) {
    try (Admin admin = Admins.create(client, timeout)) {
      var cluster = new ClusterDescriber(admin, timeout, client.bootstrapServers()).describe(false);
      Set<Integer> known = new java.util.TreeSet<>();
      cluster.brokers().forEach(b -> known.add(b.id()));
      for (int b : union(drain, add)) {
        if (!known.contains(b)) {
          throw new UserException(
              "broker " + b + " is not in the cluster (brokers: " + join(known) + ")");
        }
      }
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
        BallastHttpServer server = serve(http, service, out);
        AtomicReference<String> lastError = new AtomicReference<>();
        AgentRunner runner =
            AgentRunner.onCallerThread(
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
        StopOnSignal stop =
            StopOnSignal.install(
                "the balancer",
                () -> {
                  runner.requestStop();
                  service.abortExecution();
                },
                out,
                Duration.ofSeconds(30));
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
        if (once && counting.noPlanReason() != null) {
          out.println(counting.noPlanReason());
          out.flush();
        }
        if (once && counting.evaluations() == 0) {
          throw new UserException(
              "no plan within "
                  + maxRun.toSeconds()
                  + " s: the load window did not fill ("
                  + (lastError.get() == null
                      ? "is the cluster answering?"
                      : "last error: " + lastError.get())
                  + ")",
              1);
        }
        return counting.failedExecutions() > 0 ? 1 : 0;
      }
    } catch (ClusterUnreachableException e) {
      throw new UserException(e.getMessage(), 3);
    }
  }

  private static BallastHttpServer serve(
      HttpSettings http, BalancerService service, PrintWriter out) {
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

  private static Set<Integer> union(Set<Integer> a, Set<Integer> b) {
    Set<Integer> u = new java.util.TreeSet<>(a);
    u.addAll(b);
    return u;
  }

  private static String join(Set<Integer> ids) {
    return String.join(",", ids.stream().map(String::valueOf).toList());
  }
}
