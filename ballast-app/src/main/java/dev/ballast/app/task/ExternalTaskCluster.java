package dev.ballast.app.task;

import static java.util.Objects.requireNonNull;

import dev.ballast.core.loop.ParkingIdleStrategy;
import dev.ballast.kafka.AdminCalls;
import dev.ballast.kafka.Admins;
import dev.ballast.kafka.ClientSettings;
import dev.ballast.workload.rate.NanoClock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.Node;

/**
 * A cluster Ballast did not start ({@code --bootstrap-server}), for {@code demo} and {@code
 * marathon} alike. Brokers are added, stopped, killed and restarted with the user's {@link
 * BrokerCommands}; without one, the user is asked and the cluster watched until it shows the change
 * ({@code demo}), or the missing command is an {@link InfrastructureException} ({@code marathon}).
 * A command that fails or hangs is an {@link InfrastructureException}. Every wait (a command, a
 * broker leaving or registering) is bounded by the commands' action timeout on an injected clock
 * and ends within 50 ms of an interrupt or a stop ({@link BoundedWaits}), so the runner can cut a
 * task short at any point. Proxy faults (latency, bandwidth) need the embedded cluster.
 */
public final class ExternalTaskCluster implements TaskCluster {

  private final ClientSettings client;
  private final Admin admin;
  private final Supplier<List<Integer>> brokers;
  private final BrokerCommands commands;
  private final Consumer<String> log;
  private final CommandRunner shell;
  private final BoundedWaits waits;
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
    this(
        client,
        admin,
        callTimeout,
        BrokerCommands.killAndRestart(killCmd, restartCmd, actionTimeout),
        log,
        () -> false);
  }

  /**
   * Creates one over {@code admin} acting with {@code commands}; {@code log} receives the commands,
   * their output and what the user is asked to do; {@code stopped} aborts a wait for the user.
   */
  public ExternalTaskCluster(
      ClientSettings client,
      Admin admin,
      Duration callTimeout,
      BrokerCommands commands,
      Consumer<String> log,
      BooleanSupplier stopped) {
    this(
        client,
        admin,
        describer(admin, requireNonNull(callTimeout, "callTimeout")),
        commands,
        log,
        new ShellCommandRunner(),
        new BoundedWaits(
            NanoClock.SYSTEM,
            new ParkingIdleStrategy(0, BoundedWaits.COMMAND_POLL.toNanos()),
            stopped,
            commands.actionTimeout()));
  }

  /**
   * Creates one whose registered brokers come from {@code brokers}, whose commands run with {@code
   * shell} and whose waits are {@code waits} (tests: fakes and a fake clock).
   */
  ExternalTaskCluster(
      ClientSettings client,
      Admin admin,
      Supplier<List<Integer>> brokers,
      BrokerCommands commands,
      Consumer<String> log,
      CommandRunner shell,
      BoundedWaits waits) {
    this.client = requireNonNull(client, "client");
    this.admin = requireNonNull(admin, "admin");
    this.brokers = requireNonNull(brokers, "brokers");
    this.commands = requireNonNull(commands, "commands");
    this.log = requireNonNull(log, "log");
    this.shell = requireNonNull(shell, "shell");
    this.waits = requireNonNull(waits, "waits");
  }

  private static Supplier<List<Integer>> describer(Admin admin, Duration callTimeout) {
    return () -> {
      Set<Integer> ids = new TreeSet<>();
      for (Node n :
          AdminCalls.get(admin.describeCluster().nodes(), callTimeout, "describe cluster")) {
        ids.add(n.id());
      }
      return List.copyOf(ids);
    };
  }

  /** Connects to {@code client} with an admin client of its own, closed by {@link #close()}. */
  public static ExternalTaskCluster connect(
      ClientSettings client, BrokerCommands commands, Consumer<String> log, BooleanSupplier stop) {
    Duration timeout = Duration.ofSeconds(15);
    return new ExternalTaskCluster(
        client, Admins.create(client, timeout), timeout, commands, log, stop);
  }

  @Override
  public ClientSettings client() {
    return client;
  }

  @Override
  public List<Integer> brokerIds() {
    return brokers.get();
  }

  @Override
  public boolean isEmbedded() {
    return false;
  }

  @Override
  public boolean canKillBrokers() {
    return commands.kill() != null && commands.restart() != null;
  }

  @Override
  public void killBroker(int id) {
    if (commands.kill() == null && (commands.stop() != null || commands.askUser())) {
      // The user's command decides how a broker goes down; a kill is a stop without the drain.
      takeDown(id, "--stop-broker-cmd", commands.stop(), "stop (or kill)");
      return;
    }
    takeDown(id, "--kill-broker-cmd", commands.kill(), "kill");
  }

  @Override
  public void stopBroker(int id) {
    if (commands.stop() == null && !commands.askUser()) {
      // Without a stop command, kill it (the marathon's --kill-broker-cmd).
      killBroker(id);
      return;
    }
    takeDown(id, "--stop-broker-cmd", commands.stop(), "stop");
  }

  private void takeDown(int id, String option, String template, String verb) {
    if (template != null || !commands.askUser()) {
      run(option, template, id);
    } else {
      ask(verb + " broker " + id + " now (or pass " + option + ")", "for it to leave the cluster");
    }
    downByUs.add(id);
    await("broker " + id + " to leave the cluster", () -> !brokerIds().contains(id));
  }

  @Override
  public void restartBroker(int id) {
    run("--restart-broker-cmd", commands.restart(), id);
    await("broker " + id + " to register again", () -> brokerIds().contains(id));
    downByUs.remove(id);
  }

  @Override
  public int addBroker() {
    Set<Integer> before = Set.copyOf(brokerIds());
    if (commands.add() != null) {
      run("--add-broker-cmd", commands.add(), -1);
    } else if (commands.askUser()) {
      ask(
          "start one more broker in this cluster now (or pass --add-broker-cmd)",
          "for it to register");
    } else {
      throw new InfrastructureException("adding brokers needs the embedded cluster");
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

  /** Returns {@code template} with {@code {id}} replaced by {@code brokerId} (if not negative). */
  static String expand(String template, int brokerId) {
    return brokerId < 0 ? template : template.replace("{id}", Integer.toString(brokerId));
  }

  private void ask(String what, String waitingFor) {
    log.accept(
        "ACTION NEEDED: "
            + what
            + "; waiting up to "
            + waits.limit().toMinutes()
            + " min "
            + waitingFor);
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
    BoundedWaits.Ended ended =
        waits.run(
            shell,
            option,
            command,
            brokerId < 0 ? Map.of() : Map.of("BALLAST_BROKER_ID", Integer.toString(brokerId)));
    String output = ended.output();
    output.lines().forEach(l -> log.accept("  | " + l));
    if (ended.exitValue() != 0) {
      String tail = output.lines().reduce((a, b) -> b).orElse("");
      throw new InfrastructureException(
          option
              + " exited with "
              + ended.exitValue()
              + ": "
              + command
              + (tail.isEmpty() ? "" : " (" + tail + ")"));
    }
  }

  private void await(String what, BooleanSupplier done) {
    waits.until(what, done);
  }
}
