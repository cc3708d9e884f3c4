package dev.ballast.app.cli;

import dev.ballast.kafka.ClusterUnreachableException;
import dev.ballast.kafka.access.Principals;
import dev.ballast.kafka.access.Refusals;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import picocli.CommandLine.ParseResult;

/**
 * Maps what the cluster refused, for every command in one place: a missing permission or a failed
 * authentication becomes one line with exit code {@value #ACCESS}, naming the principal (from
 * {@code --command-config}) and what to grant; an unreachable cluster becomes exit code {@value
 * #UNREACHABLE}.
 */
public final class AccessErrors {

  /** Exit code for a missing permission or failed authentication. */
  public static final int ACCESS = 4;

  /** Exit code for a cluster that does not answer. */
  public static final int UNREACHABLE = 3;

  private AccessErrors() {}

  /** Returns {@code ex} as a user error when it is about access or reachability, else null. */
  static UserException map(Throwable ex, ParseResult parsed) {
    var line = Refusals.describe(ex, principal(commandConfig(parsed)));
    if (line.isPresent()) {
      return new UserException(line.get(), ACCESS);
    }
    for (Throwable t = ex; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof ClusterUnreachableException) {
        return new UserException(t.getMessage(), UNREACHABLE);
      }
    }
    return null;
  }

  /** Returns the principal the client properties in {@code commandConfig} (or null) use. */
  public static String principal(Path commandConfig) {
    if (commandConfig == null) {
      return Principals.of(Map.of());
    }
    Properties p = new Properties();
    try (Reader r = Files.newBufferedReader(commandConfig, StandardCharsets.UTF_8)) {
      p.load(r);
    } catch (IOException | IllegalArgumentException e) {
      return "the principal of " + commandConfig;
    }
    Map<String, String> props = new TreeMap<>();
    p.stringPropertyNames().forEach(k -> props.put(k, p.getProperty(k)));
    return Principals.of(props);
  }

  private static Path commandConfig(ParseResult parsed) {
    for (ParseResult p = parsed; p != null; p = p.subcommand()) {
      if (p.hasMatchedOption("--command-config")) {
        Object value = p.matchedOption("--command-config").getValue();
        return value instanceof Path path ? path : Path.of(String.valueOf(value));
      }
    }
    return null;
  }
}
