package dev.ballast.core.text;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/**
 * Says in a few words what is wrong with a file a user named, from the exception reading or writing
 * it threw ("does not exist", "is a directory", "is not UTF-8 text"), instead of Java's bare "Input
 * length = 1".
 */
public final class FileProblems {

  private FileProblems() {}

  /** Returns what {@code e} means for the file, e.g. "is a directory, not a file". */
  public static String describe(IOException e) {
    if (e instanceof NoSuchFileException) {
      return "does not exist";
    }
    if (e instanceof AccessDeniedException) {
      return "cannot be read or written: permission denied";
    }
    if (e instanceof NotDirectoryException) {
      return "is in a folder that is a file";
    }
    if (e instanceof CharacterCodingException) {
      return "is not UTF-8 text (is it a binary or compressed file?)";
    }
    String reason =
        e instanceof FileSystemException fs && fs.getReason() != null
            ? fs.getReason()
            : e.getMessage();
    if (reason != null && reason.contains("Is a directory")) {
      return "is a directory, not a file";
    }
    return reason == null || reason.isBlank() ? e.getClass().getSimpleName() : reason;
  }
}
