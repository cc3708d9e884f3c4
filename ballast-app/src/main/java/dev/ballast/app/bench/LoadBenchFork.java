package dev.ballast.app.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a Java main class in a child JVM on this JVM's class path and returns its stdout; both sides
 * of {@code bench load} run this way, so both start equally cold.
 */
final class LoadBenchFork {

  private LoadBenchFork() {}

  /** Runs {@code mainClass} with {@code args}; throws with the end of stderr when it fails. */
  static String run(String mainClass, List<String> args, Duration timeout) {
    return run(mainClass, List.of(), args, timeout);
  }

  /**
   * Runs {@code mainClass} with the extra JVM options {@code jvmOptions} (e.g. a flight recording)
   * and {@code args}; throws with the end of stderr when it fails.
   */
  static String run(
      String mainClass, List<String> jvmOptions, List<String> args, Duration timeout) {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    List<String> command = new ArrayList<>();
    command.add(java.toString());
    command.add("-Xms512m");
    command.add("-Xmx1g");
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add("-Dorg.slf4j.simpleLogger.defaultLogLevel=warn");
    command.addAll(jvmOptions);
    command.add(mainClass);
    command.addAll(args);
    Path stderr = null;
    Process process = null;
    Thread killer = null;
    try {
      stderr = Files.createTempFile("ballast-bench-", ".err");
      process = new ProcessBuilder(command).redirectError(stderr.toFile()).start();
      Process child = process;
      killer = new Thread(child::destroyForcibly, "ballast-bench-fork-kill");
      Runtime.getRuntime().addShutdownHook(killer);
      byte[] out = process.getInputStream().readAllBytes();
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException(mainClass + " did not finish within " + timeout);
      }
      if (process.exitValue() != 0) {
        throw new IllegalStateException(
            mainClass
                + " exited with "
                + process.exitValue()
                + ": "
                + lastLines(Files.readString(stderr, StandardCharsets.UTF_8)));
      }
      return new String(out, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException("cannot run " + mainClass + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running " + mainClass, e);
    } finally {
      if (process != null) {
        process.destroyForcibly();
      }
      if (killer != null) {
        try {
          Runtime.getRuntime().removeShutdownHook(killer);
        } catch (IllegalStateException e) {
          // shutting down: the hook runs anyway
        }
      }
      if (stderr != null) {
        try {
          Files.deleteIfExists(stderr);
        } catch (IOException e) {
          // a temp file left behind is harmless
        }
      }
    }
  }

  private static String lastLines(String text) {
    List<String> lines = text.strip().lines().toList();
    return String.join(" | ", lines.subList(Math.max(0, lines.size() - 3), lines.size()));
  }
}
