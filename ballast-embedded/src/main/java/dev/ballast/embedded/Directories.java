package dev.ballast.embedded;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

/** Deletes directory trees. */
final class Directories {

  private Directories() {}

  /** Deletes {@code dir} and everything under it; a missing directory is not an error. */
  static void delete(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    Files.walkFileTree(
        dir,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
              throws IOException {
            deleteIfExists(file);
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFileFailed(Path file, IOException exc) {
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult postVisitDirectory(Path d, IOException exc) throws IOException {
            deleteIfExists(d);
            return FileVisitResult.CONTINUE;
          }
        });
  }

  private static void deleteIfExists(Path p) throws IOException {
    try {
      Files.deleteIfExists(p);
    } catch (NoSuchFileException ignored) {
      // a broker removed it while we walked
    }
  }
}
