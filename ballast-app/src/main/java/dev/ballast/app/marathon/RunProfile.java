package dev.ballast.app.marathon;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.file.Path;
import java.text.ParseException;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;

/**
 * A JFR recording of the Ballast process for one task run ({@code --profile}), with the JDK's
 * "profile" settings: started before the task's prepare phase, stopped and written to {@code
 * profile.jfr} in the run's folder after its cleanup, whatever the run's end.
 */
final class RunProfile implements AutoCloseable {

  /** The file name of the recording in a run's folder. */
  static final String FILE = "profile.jfr";

  private static final RunProfile NONE = new RunProfile(null, null);

  private final Recording recording;
  private final Path file;

  private RunProfile(Recording recording, Path file) {
    this.recording = recording;
    this.file = file;
  }

  /**
   * Starts a recording to {@code dir/profile.jfr} when {@code enabled}, else returns one that does
   * nothing.
   *
   * @throws IOException when JFR cannot record (the message says why)
   */
  static RunProfile start(boolean enabled, Path dir, String name) throws IOException {
    requireNonNull(dir, "dir");
    if (!enabled) {
      return NONE;
    }
    Configuration settings;
    try {
      settings = Configuration.getConfiguration("profile");
    } catch (ParseException e) {
      throw new IOException(
          "the JDK's JFR settings 'profile' cannot be read: " + e.getMessage(), e);
    }
    Path file = dir.resolve(FILE);
    Recording recording = new Recording(settings);
    try {
      recording.setName("ballast " + name);
      recording.setToDisk(true);
      recording.setDestination(file);
      recording.start();
    } catch (IOException | RuntimeException e) {
      recording.close();
      throw e;
    }
    return new RunProfile(recording, file);
  }

  /** Returns a profile that records nothing. */
  static RunProfile none() {
    return NONE;
  }

  /** Returns the file the recording is written to, or null when not profiling. */
  Path file() {
    return file;
  }

  /** Stops the recording, which writes it to its file. */
  @Override
  public void close() {
    if (recording == null) {
      return;
    }
    try {
      recording.stop();
    } finally {
      recording.close();
    }
  }
}
