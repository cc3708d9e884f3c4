package dev.ballast.app.worker;

import static java.util.Objects.requireNonNull;

import dev.ballast.kafka.ClientSettings;
import dev.ballast.workload.remote.RemoteWorkers;
import dev.ballast.workload.worker.LocalWorker;
import dev.ballast.workload.worker.RunListener;
import dev.ballast.workload.worker.Worker;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Hands out the workers of a run of tasks ({@code marathon --workers N|external}): in this JVM, or
 * on worker processes that stay up across tasks. Each worker handed out is one remote run (its own
 * epoch) on the same worker group, so a task that closes its worker and the next task that opens
 * one reuse the same processes; only closing the supply stops the forked ones. One remote run at a
 * time: the workers of a group serve one controller.
 */
public final class WorkerSupply implements Supplier<Worker>, AutoCloseable {

  private final WorkersOption option;
  private final Map<String, Object> clientConfig;
  private final PrintWriter log;
  private final String prefix;
  private final WorkerProcesses processes;
  private long lastEpoch;
  private RemoteWorkers current;

  private WorkerSupply(
      WorkersOption option,
      Map<String, Object> clientConfig,
      PrintWriter log,
      String prefix,
      WorkerProcesses processes) {
    this.option = option;
    this.clientConfig = clientConfig;
    this.log = log;
    this.prefix = prefix;
    this.processes = processes;
  }

  /** Fails with a one-line error now (before a cluster starts) when {@code --workers} is bad. */
  public static void check(WorkersOption option) {
    if (option.isRemote()) {
      option.count();
    }
  }

  /**
   * Returns the supply for {@code option} on the cluster of {@code client}: local workers without
   * {@code --workers}; with {@code --workers N}, N forked worker processes started now (their logs
   * in {@code logDir}).
   */
  public static WorkerSupply open(
      WorkersOption option, ClientSettings client, Path logDir, PrintWriter log) {
    requireNonNull(option, "option");
    requireNonNull(log, "log");
    Map<String, Object> clientConfig = ControlOptions.toMap(requireNonNull(client, "client"));
    if (!option.isRemote()) {
      return new WorkerSupply(option, clientConfig, log, null, null);
    }
    String prefix = RemoteLoad.prefix(option);
    WorkerProcesses processes =
        option.count() > 0 ? RemoteLoad.fork(option, clientConfig, prefix, logDir, log) : null;
    return new WorkerSupply(option, Map.copyOf(clientConfig), log, prefix, processes);
  }

  /** Returns whether the workers are remote. */
  public boolean isRemote() {
    return prefix != null;
  }

  /**
   * Returns a worker for one task: a new {@link LocalWorker}, or the controller of a new remote run
   * once the group's workers heartbeat (waits up to 120 s).
   *
   * @throws IllegalStateException when the previous remote worker handed out is still open
   */
  @Override
  public synchronized Worker get() {
    if (!isRemote()) {
      return LocalWorker.create();
    }
    if (current != null && !current.isClosed()) {
      throw new IllegalStateException(
          "the remote workers run one task's workload at a time; close the previous worker first");
    }
    lastEpoch = Math.max(System.currentTimeMillis(), lastEpoch + 1);
    RemoteWorkers workers =
        RemoteLoad.controller(option, clientConfig, prefix, lastEpoch, listener());
    current = RemoteLoad.awaitWorkers(workers, option, log);
    return current;
  }

  private RunListener listener() {
    return new RunListener() {
      @Override
      public void onEvent(String event) {
        synchronized (log) {
          log.println("workers: " + event);
          log.flush();
        }
      }
    };
  }

  /**
   * Prints what the last remote run handed out did (its workers, the time from a control command to
   * every worker acting, pauses); prints nothing for local workers.
   */
  public synchronized void printLastRun() {
    if (current != null) {
      RemoteSummary.print(current, log);
    }
  }

  /** Returns the forked processes' ids still running (none for local or external workers). */
  public List<Long> livePids() {
    return processes == null ? List.of() : processes.livePids();
  }

  /** Closes the remote run still open, then stops the forked worker processes. */
  @Override
  public synchronized void close() {
    if (current != null) {
      current.close();
      current = null;
    }
    if (processes != null) {
      processes.close();
    }
  }
}
