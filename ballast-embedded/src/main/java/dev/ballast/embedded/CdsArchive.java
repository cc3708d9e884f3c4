package dev.ballast.embedded;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * An AppCDS archive of the classes a Kafka node loads, which cuts a node's start by seconds. The
 * first cluster records it from one broker as that broker exits gracefully; later ones map it. The
 * archive's name is a hash of the JVM and of the class path's jars (path, size, time), so a rebuilt
 * distribution records a new one.
 */
final class CdsArchive {

  /** The JVM flag that records an archive as the node exits. */
  static final String RECORD_FLAG = "-XX:ArchiveClassesAtExit=";

  /** How many archives (of other builds) are kept in the cache; older ones are deleted. */
  private static final int KEEP = 4;

  private final Path archive;
  private final Path recording;

  private CdsArchive(Path archive) {
    this.archive = archive;
    this.recording =
        archive.resolveSibling(archive.getFileName() + ".tmp-" + ProcessHandle.current().pid());
  }

  /** Returns the archive for this JVM and {@code classPath} in {@code cache}. */
  static CdsArchive forClassPath(String javaHome, String classPath, Path cache) {
    StringBuilder id = new StringBuilder(javaHome).append('\n').append(Runtime.version());
    for (String entry : classPath.split(File.pathSeparator)) {
      // A jar rebuilt in place invalidates an archive; its size and time make a new key.
      File f = new File(entry);
      id.append('\n')
          .append(entry)
          .append(' ')
          .append(f.length())
          .append(' ')
          .append(f.lastModified());
    }
    String key = sha256(id.toString()).substring(0, 16);
    return new CdsArchive(cache.resolve("kafka-node-" + key + ".jsa"));
  }

  /** Returns true when a recorded archive exists and nodes can map it. */
  boolean exists() {
    return Files.isRegularFile(archive);
  }

  /**
   * Returns the JVM flags for a node; {@code recorder} nodes record the archive when none exists.
   */
  List<String> jvmArgs(boolean recorder) {
    if (exists()) {
      return List.of("-XX:SharedArchiveFile=" + archive, "-Xshare:auto");
    }
    if (recorder) {
      try {
        Files.createDirectories(archive.getParent());
      } catch (IOException e) {
        return List.of();
      }
      return List.of(RECORD_FLAG + recording);
    }
    return List.of();
  }

  /** Publishes a recording made by a node that has exited; a missing recording is ignored. */
  void publish() {
    try {
      if (Files.isRegularFile(recording) && Files.size(recording) > 0 && !exists()) {
        Files.move(recording, archive, StandardCopyOption.ATOMIC_MOVE);
        pruneOthers();
      }
      Files.deleteIfExists(recording);
    } catch (IOException e) {
      // another cluster published first, or the cache is read-only: nodes start without it
    }
  }

  /**
   * Deletes all but the {@value #KEEP} newest archives: each build records its own (about 50 MB),
   * and a cache nobody prunes grew to gigabytes. A node that has one mapped keeps it until it
   * exits.
   */
  private void pruneOthers() throws IOException {
    List<Path> archives;
    try (Stream<Path> files = Files.list(archive.getParent())) {
      archives =
          files
              .filter(f -> f.getFileName().toString().matches("kafka-node-[0-9a-f]+\\.jsa"))
              .sorted(Comparator.comparing(CdsArchive::modified).reversed())
              .toList();
    }
    for (Path old : archives.subList(Math.min(KEEP, archives.size()), archives.size())) {
      if (!old.equals(archive)) {
        Files.deleteIfExists(old);
      }
    }
  }

  private static FileTime modified(Path f) {
    try {
      return Files.getLastModifiedTime(f);
    } catch (IOException e) {
      return FileTime.fromMillis(0);
    }
  }

  private static String sha256(String s) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
