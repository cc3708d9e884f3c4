package dev.ballast.app.task;

import java.io.IOException;
import java.util.Map;

/**
 * Starts the user's shell commands ({@code --kill-broker-cmd} and the like) without waiting for
 * them: the caller polls the {@link Running} command on its own clock, so it can give up on a
 * command at any time. Tests use a fake.
 */
interface CommandRunner {

  /** Starts {@code command} with {@code sh -c} and {@code env} added to the environment. */
  Running start(String command, Map<String, String> env) throws IOException;

  /** One command started. */
  interface Running {

    /** Returns whether it still runs. */
    boolean isAlive();

    /** Returns its exit code; only once it has ended. */
    int exitValue();

    /** Returns what it wrote (stdout and stderr), stripped; only once it has ended. */
    String output() throws IOException;

    /** Kills it and whatever it started, at once. */
    void kill();
  }
}
