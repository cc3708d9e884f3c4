package dev.ballast.app.scenario;

import static java.util.Objects.requireNonNull;

import dev.ballast.kafka.AdminCalls;
import dev.ballast.kafka.Admins;
import dev.ballast.kafka.ClientSettings;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.Node;

/**
 * A cluster Ballast did not start ({@code demo --bootstrap-server}). Brokers are added and stopped
 * by the user's commands ({@code --add-broker-cmd}, {@code --stop-broker-cmd}, where {@code {id}}
 * and {@code $BALLAST_BROKER_ID} name the broker), or, without them, by the user: the demo says
 * what to do and waits until the cluster shows it done. Latency and bandwidth faults need the
 * embedded cluster's proxy and are refused.
 */
final class ExternalScenarioCluster implements ScenarioCluster {

  private final ClientSettings client;
  private final Admin admin;
  private final Duration callTimeout;
  private final String addBrokerCmd;
  private final String stopBrokerCmd;
  private final Duration actionTimeout;
  private final Consumer<String> log;
  private final BooleanSupplier stopped;

  /** Connects to {@code target}; {@code log} tells the user what to do, {@code stopped} aborts. */
  static ExternalScenarioCluster connect(
      ExternalTarget target, Consumer<String> log, BooleanSupplier stopped) {
    Duration timeout = Duration.ofSeconds(15);
    return new ExternalScenarioCluster(
        target.client(),
        Admins.create(target.client(), timeout),
        timeout,
        target.addBrokerCmd(),
        target.stopBrokerCmd(),
        target.actionTimeout(),
        log,
        stopped);
  }

  ExternalScenarioCluster(
      ClientSettings client,
      Admin admin,
      Duration callTimeout,
      String addBrokerCmd,
      String stopBrokerCmd,
      Duration actionTimeout,
      Consumer<String> log,
      BooleanSupplier stopped) {
    this.client = requireNonNull(client, "client");
    this.admin = requireNonNull(admin, "admin");
    this.callTimeout = requireNonNull(callTimeout, "callTimeout");
    this.addBrokerCmd = addBrokerCmd;
    this.stopBrokerCmd = stopBrokerCmd;
    this.actionTimeout = requireNonNull(actionTimeout, "actionTimeout");
    this.log = requireNonNull(log, "log");
    this.stopped = requireNonNull(stopped, "stopped");
  }

  @Override
  public ClientSettings client() {
    return client;
  }

  @Override
  public List<Integer> brokerIds() {
    Set<Integer> ids = new TreeSet<>();
    for (Node n :
        AdminCalls.get(admin.describeCluster().nodes(), callTimeout, "describe cluster")) {
      ids.add(n.id());
    }
    return List.copyOf(ids);
  }

  @Override
  public int addBroker() {
    Set<Integer> before = Set.copyOf(brokerIds());
    if (addBrokerCmd != null) {
      run("--add-broker-cmd", addBrokerCmd, -1);
    } else {
      log.accept(
          "ACTION NEEDED: start one more broker in this cluster now (or pass --add-broker-cmd);"
              + " waiting up to "
              + actionTimeout.toMinutes()
              + " min for it to register");
    }
    int[] added = {-1};
    await(
        "a new broker to register",
        () -> {
          for (int id : brokerIds()) {
            if (!before.contains(id)) {
              added[0] = id;
              return true;
            }
          }
          return false;
        });
    return added[0];
  }

  @Override
  public void stopBroker(int id) {
    takeDown(id, "stop");
  }

  @Override
  public void killBroker(int id) {
    // The user's command decides how a broker goes down; a kill is a stop without the drain.
    takeDown(id, "stop (or kill)");
  }

  private void takeDown(int id, String verb) {
    if (stopBrokerCmd != null) {
      run("--stop-broker-cmd", stopBrokerCmd, id);
    } else {
      log.accept(
          "ACTION NEEDED: "
              + verb
              + " broker "
              + id
              + " now (or pass --stop-broker-cmd); waiting up to "
              + actionTimeout.toMinutes()
              + " min for it to leave the cluster");
    }
    await("broker " + id + " to leave the cluster", () -> isDown(id));
  }

  @Override
  public boolean isDown(int id) {
    return !brokerIds().contains(id);
  }

  @Override
  public void setLatency(int id, Duration latency) {
    throw new UnsupportedOperationException("latency injection needs the embedded cluster's proxy");
  }

  @Override
  public void setBandwidth(int id, long bytesPerSecond) {
    throw new UnsupportedOperationException("bandwidth caps need the embedded cluster's proxy");
  }

  @Override
  public boolean isEmbedded() {
    return false;
  }

  @Override
  public void close() {
    // The cluster is the user's: it stays up; only the connection closes.
    admin.close(Duration.ofSeconds(2));
  }

  /** Returns {@code template} with {@code {id}} replaced by {@code brokerId} (if not negative). */
  static String expand(String template, int brokerId) {
    return brokerId < 0 ? template : template.replace("{id}", Integer.toString(brokerId));
  }

  /** Runs {@code template} with {@code sh -c}; its output goes to the log, a failure throws. */
  private void run(String option, String template, int brokerId) {
    String command = expand(template, brokerId);
    log.accept("running " + option + ": " + command);
    ProcessBuilder pb = new ProcessBuilder("sh", "-c", command).redirectErrorStream(true);
    if (brokerId >= 0) {
      pb.environment().put("BALLAST_BROKER_ID", Integer.toString(brokerId));
    }
    Deque<String> tail = new ArrayDeque<>();
    Process p;
    try {
      p = pb.start();
    } catch (IOException e) {
      throw new IllegalStateException("cannot run " + option + " '" + command + "': " + e, e);
    }
    try (BufferedReader out =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = out.readLine()) != null) {
        log.accept("  | " + line);
        tail.addLast(line);
        if (tail.size() > 5) {
          tail.removeFirst();
        }
      }
      if (!p.waitFor(actionTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
        p.destroyForcibly();
        throw new IllegalStateException(
            option + " did not finish within " + actionTimeout.toMinutes() + " min: " + command);
      }
    } catch (IOException e) {
      throw new IllegalStateException("reading the output of " + option + ": " + e, e);
    } catch (InterruptedException e) {
      p.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IllegalStateException(option + " interrupted", e);
    }
    if (p.exitValue() != 0) {
      throw new IllegalStateException(
          option
              + " exited with "
              + p.exitValue()
              + ": "
              + command
              + (tail.isEmpty() ? "" : " (" + String.join(" / ", tail) + ")"));
    }
  }

  private void await(String what, BooleanSupplier done) {
    long deadline = System.nanoTime() + actionTimeout.toNanos();
    while (!done.getAsBoolean()) {
      if (stopped.getAsBoolean()) {
        throw new IllegalStateException("stopped while waiting for " + what);
      }
      if (System.nanoTime() - deadline > 0) {
        throw new IllegalStateException(
            "gave up after " + actionTimeout.toMinutes() + " min waiting for " + what);
      }
      LockSupport.parkNanos(Duration.ofSeconds(1).toNanos());
    }
  }
}
