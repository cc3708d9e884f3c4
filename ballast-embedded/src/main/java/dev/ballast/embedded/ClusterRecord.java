package dev.ballast.embedded;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PID file of a running embedded cluster ({@code cluster.pids} in its directory): which Ballast
 * process owns it and which child JVMs it started. When Ballast was killed with {@code -9}, the
 * next start finds the record, stops the children it names (only if they are still the same
 * processes: same pid, same start time, same directory on their command line) and deletes the
 * directory.
 */
final class ClusterRecord {

  static final String DIR_PREFIX = "ballast-cluster-";
  private static final String FILE = "cluster.pids";
  private static final Logger log = LoggerFactory.getLogger(ClusterRecord.class);

  private ClusterRecord() {}

  /** Writes the record of {@code dir}, owned by this process, with its running {@code children}. */
  static void write(Path dir, Map<Integer, Process> children) throws IOException {
    Properties p = new Properties();
    ProcessHandle self = ProcessHandle.current();
    p.setProperty("owner", Long.toString(self.pid()));
    p.setProperty("owner.start", startOf(self).map(Instant::toString).orElse(""));
    children.forEach(
        (id, proc) -> {
          if (proc.isAlive()) {
            p.setProperty(
                "node." + id,
                proc.pid() + "@" + startOf(proc.toHandle()).map(Instant::toString).orElse(""));
          }
        });
    Path tmp = dir.resolve(FILE + ".tmp");
    try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
      p.store(w, "embedded Kafka cluster started by Ballast");
    }
    Files.move(
        tmp,
        dir.resolve(FILE),
        StandardCopyOption.REPLACE_EXISTING,
        StandardCopyOption.ATOMIC_MOVE);
  }

  /** Stops and deletes every cluster under {@code base} whose owning Ballast process is gone. */
  static List<Path> cleanUpStale(Path base) {
    List<Path> removed = new ArrayList<>();
    if (!Files.isDirectory(base)) {
      return removed;
    }
    try (DirectoryStream<Path> dirs = Files.newDirectoryStream(base, DIR_PREFIX + "*")) {
      for (Path dir : dirs) {
        if (isStale(dir)) {
          stopChildren(dir);
          Directories.delete(dir);
          removed.add(dir);
          log.warn("removed a stale embedded cluster left by a killed Ballast process: {}", dir);
        }
      }
    } catch (IOException e) {
      log.warn("could not look for stale embedded clusters in {}: {}", base, e.toString());
    }
    return removed;
  }

  private static boolean isStale(Path dir) throws IOException {
    Optional<Properties> record = read(dir);
    if (record.isEmpty()) {
      return false; // not ours, or being created right now
    }
    Properties p = record.get();
    long owner = Long.parseLong(p.getProperty("owner", "-1"));
    String ownerStart = p.getProperty("owner.start", "");
    return !isSameProcess(owner, ownerStart);
  }

  private static void stopChildren(Path dir) throws IOException {
    Properties p = read(dir).orElseThrow();
    for (String key : p.stringPropertyNames()) {
      if (!key.startsWith("node.")) {
        continue;
      }
      String[] pidAndStart = p.getProperty(key).split("@", 2);
      long pid = Long.parseLong(pidAndStart[0]);
      String start = pidAndStart.length > 1 ? pidAndStart[1] : "";
      ProcessHandle.of(pid)
          .filter(h -> isSameProcess(pid, start))
          .filter(h -> h.info().commandLine().map(c -> c.contains(dir.toString())).orElse(false))
          .ifPresent(ProcessHandle::destroyForcibly);
    }
  }

  private static boolean isSameProcess(long pid, String start) {
    Optional<ProcessHandle> h = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
    if (h.isEmpty()) {
      return false;
    }
    return start.isEmpty() || startOf(h.get()).map(s -> s.toString().equals(start)).orElse(true);
  }

  private static Optional<Properties> read(Path dir) throws IOException {
    Path file = dir.resolve(FILE);
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    Properties p = new Properties();
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      p.load(r);
    }
    return Optional.of(p);
  }

  private static Optional<Instant> startOf(ProcessHandle h) {
    return h.info().startInstant();
  }
}
