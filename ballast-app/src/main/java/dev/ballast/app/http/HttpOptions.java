package dev.ballast.app.http;

import dev.ballast.app.cli.UserException;
import picocli.CommandLine.Option;

/** {@code --http-port}, {@code --http-bind} and {@code --http-token}, for commands that serve. */
public final class HttpOptions {

  @Option(
      names = "--http-port",
      paramLabel = "PORT",
      description =
          "Serve the dashboard, the JSON API and /metrics on this port (0: a free one; default:"
              + " 8890 for serve, no server for balance).")
  Integer port;

  @Option(
      names = "--http-bind",
      paramLabel = "ADDRESS",
      defaultValue = HttpSettings.LOOPBACK,
      description = "Address the HTTP server binds (default: ${DEFAULT-VALUE}, this machine only).")
  String bind;

  @Option(
      names = "--http-token",
      paramLabel = "TOKEN",
      description =
          "Token that approve and cancel require (default: a random one, printed at start).")
  String token;

  /** Returns the settings, or null when no port was given and {@code defaultPort} is null. */
  public HttpSettings settings(Integer defaultPort) {
    Integer p = port != null ? port : defaultPort;
    if (p == null) {
      if (token != null || !HttpSettings.LOOPBACK.equals(bind)) {
        throw new UserException("--http-bind and --http-token need --http-port");
      }
      return null;
    }
    if (p < 0 || p > 65535) {
      throw new UserException("--http-port must be between 0 and 65535, not " + p);
    }
    if (token != null && token.length() < 8) {
      throw new UserException("--http-token must be at least 8 characters long");
    }
    return new HttpSettings(bind, p, token);
  }
}
