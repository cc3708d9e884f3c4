package dev.ballast.app.task;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Runs commands with {@code sh -c}, their output in a temporary file deleted once read. */
final class ShellCommandRunner implements CommandRunner {

  @Override
  public Running start(String command, Map<String, String> env) throws IOException {
    ProcessBuilder pb = new ProcessBuilder("sh", "-c", command).redirectErrorStream(true);
    pb.environment().putAll(env);
    Path out = Files.createTempFile("ballast-cmd-", ".log");
    out.toFile().deleteOnExit();
    pb.redirectOutput(out.toFile());
    Process p;
    try {
      p = pb.start();
    } catch (IOException e) {
      Files.deleteIfExists(out);
      throw e;
    }
    return new Running() {
      @Override
      public boolean isAlive() {
        return p.isAlive();
      }

      @Override
      public int exitValue() {
        return p.exitValue();
      }

      @Override
      public String output() throws IOException {
        String text = Files.readString(out, StandardCharsets.UTF_8).strip();
        Files.deleteIfExists(out);
        return text;
      }

      @Override
      public void kill() {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
      }
    };
  }
}
