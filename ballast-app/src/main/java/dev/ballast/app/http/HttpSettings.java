package dev.ballast.app.http;

import static java.util.Objects.requireNonNull;

/**
 * Where the HTTP server listens and the token its mutating endpoints require.
 *
 * @param bind the address to bind (127.0.0.1 unless told otherwise)
 * @param port the TCP port, 0 for a free one
 * @param token the token for approve and cancel, or null to generate one
 */
public record HttpSettings(String bind, int port, String token) {

  /** The address the server binds unless told otherwise: loopback only. */
  public static final String LOOPBACK = "127.0.0.1";

  /** Validates the address and port. */
  public HttpSettings {
    requireNonNull(bind, "bind");
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("the HTTP port must be between 0 and 65535, not " + port);
    }
    if (token != null && token.isBlank()) {
      token = null;
    }
  }
}
