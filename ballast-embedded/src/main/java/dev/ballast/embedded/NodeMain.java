package dev.ballast.embedded;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * The main class of a node's child JVM: formats the node's storage on first start, then runs {@code
 * kafka.Kafka}. A watchdog ends the JVM (and removes the node's data) as soon as the Ballast
 * process that started it is gone, so even {@code kill -9} of Ballast leaves no broker behind.
 *
 * <p>Arguments: {@code <server.properties> <parent pid> <cluster id> [format options...]}, e.g.
 * {@code --standalone} for the controller.
 */
public final class NodeMain {

  private NodeMain() {}

  /** Formats if needed and runs the node; see the class comment for the arguments. */
  public static void main(String[] args) throws Exception {
    if (args.length < 3) {
      System.err.println(
          "usage: NodeMain <server.properties> <parent pid> <cluster id> [format options]");
      System.exit(2);
    }
    Path config = Path.of(args[0]);
    long parentPid = Long.parseLong(args[1]);
    watchParent(parentPid, config.getParent());
    Path dataDir = config.getParent().resolve("data");
    if (!Files.exists(dataDir.resolve("meta.properties"))) {
      List<String> format = new ArrayList<>(List.of("format", "-t", args[2], "-c", args[0]));
      // --standalone for the controller, and --add-scram USERS for a SASL/SCRAM cluster
      format.addAll(List.of(args).subList(3, args.length));
      int rc =
          kafka.tools.StorageTool.execute(
              format.toArray(String[]::new), new PrintStream(System.out));
      if (rc != 0) {
        System.err.println("formatting storage failed with exit code " + rc);
        System.exit(rc);
      }
    }
    kafka.Kafka.main(new String[] {args[0]});
  }

  private static void watchParent(long parentPid, Path nodeDir) {
    Thread watchdog =
        new Thread(
            () -> {
              while (ProcessHandle.of(parentPid).map(ProcessHandle::isAlive).orElse(false)) {
                LockSupport.parkNanos(Duration.ofMillis(500).toNanos());
              }
              System.err.println("Ballast process " + parentPid + " is gone; stopping this node");
              deleteQuietly(nodeDir);
              Runtime.getRuntime().halt(3);
            },
            "ballast-parent-watchdog");
    watchdog.setDaemon(true);
    watchdog.start();
  }

  private static void deleteQuietly(Path dir) {
    try {
      Directories.delete(dir);
    } catch (IOException e) {
      System.err.println("could not delete " + dir + ": " + e);
    }
  }
}
