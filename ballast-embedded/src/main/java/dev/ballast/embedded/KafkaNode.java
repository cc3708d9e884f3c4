package dev.ballast.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/** One node of the embedded cluster: its directory, its configuration and its child JVM. */
final class KafkaNode {

  private final int id;
  private final boolean controller;
  private final Path dir;
  private final List<String> command;
  private final Map<String, String> config = new TreeMap<>();
  private Process process;
  private NodeState state = NodeState.STOPPED;

  KafkaNode(int id, boolean controller, Path dir, List<String> command) {
    this.id = id;
    this.controller = controller;
    this.dir = dir;
    this.command = List.copyOf(command);
  }

  int id() {
    return id;
  }

  boolean isController() {
    return controller;
  }

  Path dir() {
    return dir;
  }

  Path logFile() {
    return dir.resolve("server.log");
  }

  /** Sets configuration {@code key} to {@code value}, written at the next start. */
  void set(String key, String value) {
    config.put(key, value);
  }

  /** Sets every entry of {@code props}. */
  void setAll(Map<String, String> props) {
    config.putAll(props);
  }

  String get(String key) {
    return config.get(key);
  }

  synchronized NodeState state() {
    if (state == NodeState.RUNNING && process != null && !process.isAlive()) {
      state = NodeState.KILLED;
    }
    return state;
  }

  synchronized long pid() {
    return process != null && process.isAlive() ? process.pid() : -1;
  }

  synchronized Process process() {
    return process;
  }

  /** Writes the configuration and launches the JVM with {@code extraJvmArgs}; does not wait. */
  synchronized void start(List<String> extraJvmArgs, List<String> mainArgs) {
    if (process != null && process.isAlive()) {
      throw new IllegalStateException(
          "node " + id + " is already running (pid " + process.pid() + ")");
    }
    try {
      Files.createDirectories(dir);
      Path configFile = dir.resolve("server.properties");
      Properties props = new Properties();
      props.putAll(config);
      try (Writer w = Files.newBufferedWriter(configFile, StandardCharsets.UTF_8)) {
        props.store(w, "written by Ballast for node " + id);
      }
      List<String> cmd = new ArrayList<>(command.subList(0, command.size() - 1));
      cmd.addAll(extraJvmArgs);
      cmd.add(command.get(command.size() - 1));
      cmd.add(configFile.toString());
      cmd.addAll(mainArgs);
      ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
      pb.redirectOutput(ProcessBuilder.Redirect.appendTo(logFile().toFile()));
      process = pb.start();
      state = NodeState.RUNNING;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start Kafka node " + id + ": " + e.getMessage(), e);
    }
  }

  /** Stops the JVM with SIGTERM (Kafka's controlled shutdown), SIGKILL after {@code grace}. */
  void stop(Duration grace) {
    Process p;
    synchronized (this) {
      p = process;
      if (p == null || !p.isAlive()) {
        return;
      }
      p.destroy();
    }
    try {
      if (!p.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
        p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      p.destroyForcibly();
      Thread.currentThread().interrupt();
    }
    synchronized (this) {
      state = NodeState.STOPPED;
    }
  }

  /** Kills the JVM with SIGKILL and waits for it to be gone. */
  void kill() {
    Process p;
    synchronized (this) {
      p = process;
      if (p == null || !p.isAlive()) {
        state = NodeState.KILLED;
        return;
      }
      p.destroyForcibly();
    }
    try {
      p.waitFor(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    synchronized (this) {
      state = NodeState.KILLED;
    }
  }

  /** Returns the last {@code lines} lines of the node's log, for error messages. */
  String logTail(int lines) {
    try {
      if (!Files.exists(logFile())) {
        return "(no log)";
      }
      List<String> all = Files.readAllLines(logFile(), StandardCharsets.UTF_8);
      return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    } catch (IOException | UncheckedIOException e) {
      return "(log unreadable: " + e.getMessage() + ")";
    }
  }
}
