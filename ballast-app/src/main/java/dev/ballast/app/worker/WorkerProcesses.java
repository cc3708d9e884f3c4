package dev.ballast.app.worker;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Worker processes on this machine ({@code load run --workers N}, tests): each is {@code ballast
 * worker} in a child JVM on this JVM's class path, its output in a log file. Closing sends SIGTERM
 * (the worker reports and leaves its group), then kills what is still running after 20 s.
 */
public final class WorkerProcesses implements AutoCloseable {

  private static final List<String> DEFAULT_JVM = List.of("-Xms64m", "-Xmx384m");

  private final List<String> jvmOptions;
  private final List<String> baseArgs;
  private final Path logDir;
  private final Map<String, Process> processes = new LinkedHashMap<>();
  private final Thread killer = new Thread(this::killAll, "ballast-worker-processes-kill");

  private WorkerProcesses(List<String> jvmOptions, List<String> baseArgs, Path logDir) {
    this.jvmOptions = List.copyOf(jvmOptions);
    this.baseArgs = List.copyOf(baseArgs);
    this.logDir = requireNonNull(logDir, "logDir");
    Runtime.getRuntime().addShutdownHook(killer);
  }

  /**
   * Starts {@code ids.size()} workers named {@code ids}, each run with {@code workerArgs} (the
   * connection and control options); logs go to {@code logDir}.
   */
  public static WorkerProcesses start(List<String> ids, List<String> workerArgs, Path logDir) {
    return start(ids, DEFAULT_JVM, workerArgs, logDir);
  }

  /** Starts workers as {@link #start(List, List, Path)} does, with {@code jvmOptions} (heap). */
  public static WorkerProcesses start(
      List<String> ids, List<String> jvmOptions, List<String> workerArgs, Path logDir) {
    try {
      Files.createDirectories(logDir);
    } catch (IOException e) {
      throw new IllegalStateException("cannot create " + logDir + ": " + e.getMessage(), e);
    }
    WorkerProcesses p = new WorkerProcesses(jvmOptions, workerArgs, logDir);
    try {
      ids.forEach(p::startOne);
    } catch (RuntimeException e) {
      p.close();
      throw e;
    }
    return p;
  }

  /** Starts (or restarts, after it died) the worker {@code id}. */
  public synchronized void startOne(String id) {
    Process old = processes.get(id);
    if (old != null && old.isAlive()) {
      throw new IllegalStateException("worker " + id + " is still running");
    }
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add("dev.ballast.app.Main");
    command.add("worker");
    command.add("--id");
    command.add(id);
    command.addAll(baseArgs);
    Path log = logDir.resolve(id + ".log");
    try {
      Process process =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
              .start();
      processes.put(id, process);
    } catch (IOException e) {
      throw new IllegalStateException("cannot start worker " + id + ": " + e.getMessage(), e);
    }
  }

  /** Kills worker {@code id} at once (SIGKILL: no report, no leaving the group). */
  public synchronized void kill(String id) {
    Process p = processes.get(id);
    if (p != null) {
      p.destroyForcibly();
      try {
        p.waitFor(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** Returns the process ids of the workers still running. */
  public synchronized List<Long> livePids() {
    return processes.values().stream().filter(Process::isAlive).map(Process::pid).toList();
  }

  /** Returns the exit code of worker {@code id}, or null while it runs. */
  public synchronized Integer exitCode(String id) {
    Process p = processes.get(id);
    return p == null || p.isAlive() ? null : p.exitValue();
  }

  /** Returns where the workers' logs are. */
  public Path logDir() {
    return logDir;
  }

  /** Stops every worker: SIGTERM, then SIGKILL for those still running after 20 s. */
  @Override
  public synchronized void close() {
    processes.values().forEach(Process::destroy);
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    for (Process p : processes.values()) {
      try {
        long left = Math.max(1, deadline - System.nanoTime());
        if (!p.waitFor(left, TimeUnit.NANOSECONDS)) {
          p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        p.destroyForcibly();
      }
    }
    try {
      Runtime.getRuntime().removeShutdownHook(killer);
    } catch (IllegalStateException e) {
      // shutting down: the hook runs anyway
    }
  }

  private void killAll() {
    processes.values().forEach(Process::destroyForcibly);
  }
}
