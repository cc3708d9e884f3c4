package dev.ballast.kafka.prometheus;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

/** A loopback HTTP server that answers paths with exposition text, as a broker's exporter does. */
final class ExpositionServer implements AutoCloseable {

  private final HttpServer server;

  private ExpositionServer(HttpServer server) {
    this.server = server;
  }

  /** Starts a server on 127.0.0.1 and an ephemeral port. */
  static ExpositionServer start() {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      server.start();
      return new ExpositionServer(server);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Answers {@code path} with {@code status} and {@code body}, both read at each request. */
  ExpositionServer route(String path, IntSupplier status, Supplier<String> body) {
    server.createContext(
        path,
        exchange -> {
          byte[] bytes = body.get().getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "text/plain; version=0.0.4");
          exchange.sendResponseHeaders(status.getAsInt(), bytes.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
          }
        });
    return this;
  }

  /** Returns the URL of {@code path}. */
  URI url(String path) {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
