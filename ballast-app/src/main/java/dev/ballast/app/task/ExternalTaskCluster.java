package dev.ballast.app.task;

import static java.util.Objects.requireNonNull;

import dev.ballast.kafka.AdminCalls;
import dev.ballast.kafka.ClientSettings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
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
 * A cluster the marathon did not start ({@code --bootstrap-server}). Brokers are killed and
 * restarted with the user's {@code --kill-broker-cmd} and {@code --restart-broker-cmd} ({@code
 * {id}} and {@code $BALLAST_BROKER_ID} name the broker); a command that is missing, fails or hangs
 * is an {@link InfrastructureException}. Adding brokers and proxy faults need the embedded cluster.
 */
public final class ExternalTaskCluster implements TaskCluster, AutoCloseable {

  private static final long POLL_NANOS = 500_000_000L;

  private final ClientSettings client;
  private final Admin admin;
  private final Duration callTimeout;
  private final String killCmd;
  private final String restartCmd;
  private final Duration actionTimeout;
  private final Consumer<String> log;
  private final Set<Integer> downByUs = java.util.concurrent.ConcurrentHashMap.newKeySet();

  /**
   * Creates one over {@code admin}; {@code killCmd} and {@code restartCmd} may be null; {@code log}
   * receives the commands run and their output.
   */
  public ExternalTaskCluster(
      ClientSettings client,
      Admin admin,
      Duration callTimeout,
      String killCmd,
      String restartCmd,
      Duration actionTimeout,
      Consumer<String> log) {
    this.client = requireNonNull(client, "client");
    this.admin = requireNonNull(admin, "admin");
    this.callTimeout = requireNonNull(callTimeout, "callTimeout");
    this.killCmd = killCmd;
    this.restartCmd = restartCmd;
    this.actionTimeout = requireNonNull(actionTimeout, "actionTimeout");
    this.log = requireNonNull(log, "log");
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
  public boolean isEmbedded() {
    return false;
  }

  @Override
  public boolean canKillBrokers() {
    return killCmd != null && restartCmd != null;
  }

  @Override
  public void killBroker(int id) {
    run("--kill-broker-cmd", killCmd, id);
    downByUs.add(id);
    await("broker " + id + " to leave the cluster", () -> !brokerIds().contains(id));
  }

  @Override
  public void stopBroker(int id) {
    // The user's command decides how a broker goes down; without a stop command, kill it.
    killBroker(id);
  }

  @Override
  public void restartBroker(int id) {
    run("--restart-broker-cmd", restartCmd, id);
    await("broker " + id + " to register again", () -> brokerIds().contains(id));
    downByUs.remove(id);
  }

  @Override
  public int addBroker() {
    throw new InfrastructureException("adding brokers needs the embedded cluster");
  }

  @Override
  public boolean isDown(int id) {
    return downByUs.contains(id) || !brokerIds().contains(id);
  }

  @Override
  public void setLatency(int id, Duration latency) {
    throw new InfrastructureException("latency injection needs the embedded cluster's proxy");
  }

  @Override
  public void setBandwidth(int id, long bytesPerSecond) {
    throw new InfrastructureException("bandwidth caps need the embedded cluster's proxy");
  }

  /** Closes the connection; the cluster is the user's and stays up. */
  @Override
  public void close() {
    admin.close(Duration.ofSeconds(2));
  }

  /** Returns {@code template} with {@code {id}} replaced by {@code brokerId}. */
  static String expand(String template, int brokerId) {
    return template.replace("{id}", Integer.toString(brokerId));
  }

  private void run(String option, String template, int brokerId) {
    if (template == null) {
      throw new InfrastructureException(
          "this task needs "
              + option
              + " to act on broker "
              + brokerId
              + " of an external cluster");
    }
    String command = expand(template, brokerId);
    log.accept("running " + option + ": " + command);
    ProcessBuilder pb = new ProcessBuilder("sh", "-c", command).redirectErrorStream(true);
    pb.environment().put("BALLAST_BROKER_ID", Integer.toString(brokerId));
    Process p;
    java.nio.file.Path out;
    try {
      out = java.nio.file.Files.createTempFile("ballast-cmd-", ".log");
      out.toFile().deleteOnExit();
      pb.redirectOutput(out.toFile());
      p = pb.start();
    } catch (IOException e) {
      throw new InfrastructureException("cannot run " + option + " '" + command + "': " + e, e);
    }
    try {
      if (!p.waitFor(actionTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
        p.destroyForcibly();
        throw new InfrastructureException(
            option + " did not finish within " + actionTimeout + ": " + command);
      }
      String output = java.nio.file.Files.readString(out, StandardCharsets.UTF_8).strip();
      java.nio.file.Files.deleteIfExists(out);
      if (!output.isEmpty()) {
        output.lines().forEach(l -> log.accept("  | " + l));
      }
      if (p.exitValue() != 0) {
        String tail = output.lines().reduce((a, b) -> b).orElse("");
        throw new InfrastructureException(
            option
                + " exited with "
                + p.exitValue()
                + ": "
                + command
                + (tail.isEmpty() ? "" : " (" + tail + ")"));
      }
    } catch (InterruptedException e) {
      p.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new InfrastructureException(option + " interrupted", e);
    } catch (IOException e) {
      throw new InfrastructureException("reading the output of " + option + ": " + e, e);
    }
  }

  private void await(String what, BooleanSupplier done) {
    long deadline = System.nanoTime() + actionTimeout.toNanos();
    while (!done.getAsBoolean()) {
      if (System.nanoTime() - deadline > 0) {
        throw new InfrastructureException(
            "gave up after " + actionTimeout + " waiting for " + what);
      }
      LockSupport.parkNanos(POLL_NANOS);
      if (Thread.interrupted()) {
        Thread.currentThread().interrupt();
        throw new InfrastructureException("interrupted while waiting for " + what);
      }
    }
  }
}
