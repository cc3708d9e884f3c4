package dev.ballast.app.http;

import static java.util.Objects.requireNonNull;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Saves a PNG of the dashboard with the system's headless Chromium (Debian's {@code chromium}; no
 * browser is downloaded), e.g. for a demo's results folder. Chromium runs with a fresh profile that
 * is deleted afterwards, and is killed with its children if it overruns.
 */
public final class DashboardScreenshot {

  private static final List<String> NAMES = List.of("chromium", "chromium-browser");

  private DashboardScreenshot() {}

  /** Returns the Chromium executable on the PATH, if any. */
  public static Optional<Path> chromium() {
    String path = System.getenv().getOrDefault("PATH", "");
    for (String name : NAMES) {
      for (String dir : path.split(File.pathSeparator)) {
        Path candidate = Path.of(dir.isEmpty() ? "." : dir, name);
        if (Files.isExecutable(candidate)) {
          return Optional.of(candidate);
        }
      }
    }
    return Optional.empty();
  }

  /**
   * Saves the page at {@code url} (the dashboard's base URL) to {@code png}, letting its scripts
   * run for {@code settle} first; fails when Chromium is missing, fails or overruns.
   */
  public static void capture(URI url, Path png, Duration settle) throws IOException {
    requireNonNull(url, "url");
    requireNonNull(png, "png");
    Path browser =
        chromium()
            .orElseThrow(
                () ->
                    new IOException(
                        "chromium is not installed (apt-get install chromium): no screenshot"));
    Path profile = Files.createTempDirectory("ballast-chromium-");
    Path log = profile.resolve("chromium.log");
    Path target = png.toAbsolutePath();
    Files.createDirectories(target.getParent());
    Files.deleteIfExists(target);
    Process chromium =
        new ProcessBuilder(
                browser.toString(),
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-dev-shm-usage",
                "--hide-scrollbars",
                "--user-data-dir=" + profile.resolve("profile"),
                "--window-size=1440,1200",
                "--virtual-time-budget=" + settle.toMillis(),
                "--screenshot=" + target,
                url.toString())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    try {
      boolean ended = chromium.waitFor(settle.toMillis() + 60_000, TimeUnit.MILLISECONDS);
      if (!ended) {
        throw new IOException("chromium did not finish the screenshot within 60 s; killed it");
      }
      if (!Files.isRegularFile(target) || Files.size(target) == 0) {
        throw new IOException(
            "chromium exited with " + chromium.exitValue() + " and no screenshot: " + tail(log));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while chromium took a screenshot", e);
    } finally {
      chromium.descendants().forEach(ProcessHandle::destroyForcibly);
      chromium.destroyForcibly();
      deleteTree(profile);
    }
  }

  private static String tail(Path log) {
    try {
      List<String> lines = Files.readAllLines(log);
      return String.join(" | ", lines.subList(Math.max(0, lines.size() - 3), lines.size()));
    } catch (IOException e) {
      return "(no log)";
    }
  }

  private static void deleteTree(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths
          .sorted(Comparator.reverseOrder())
          .forEach(
              p -> {
                try {
                  Files.deleteIfExists(p);
                } catch (IOException e) {
                  // a leftover temp file is harmless
                }
              });
    } catch (IOException e) {
      // same
    }
  }
}
