package dev.ballast.app.http;

import static java.util.Objects.requireNonNull;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.ballast.app.balance.BalancerService;
import dev.ballast.app.metrics.BallastMetrics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Serves {@code /metrics}, the JSON API under {@code /api/} and the dashboard at {@code /} for one
 * balancer service, a marathon, or both, on the JDK's HTTP server. It listens to the service's
 * events from {@link #start} until {@link #close}.
 */
public final class BallastHttpServer implements AutoCloseable {

  private final HttpServer server;
  private final ExecutorService threads;
  private final BalancerService service;
  private final BallastMetrics metrics;
  private final DashboardState dashboard;
  private final String token;
  private final URI url;

  private BallastHttpServer(
      HttpServer server,
      ExecutorService threads,
      BalancerService service,
      BallastMetrics metrics,
      DashboardState dashboard,
      String token,
      URI url) {
    this.server = server;
    this.threads = threads;
    this.service = service;
    this.metrics = metrics;
    this.dashboard = dashboard;
    this.token = token;
    this.url = url;
  }

  /**
   * Starts a server on {@code bind}:{@code port} (0: a free port) for {@code service}; approve and
   * cancel require {@code token} (null: a random one, see {@link #token()}). The caller closes it.
   */
  public static BallastHttpServer start(
      String bind, int port, String token, BalancerService service) {
    return start(new HttpSettings(bind, port, token), service, System::currentTimeMillis);
  }

  /** Starts a server with {@code settings}; {@code wallMillis} is the clock of timestamps. */
  public static BallastHttpServer start(
      HttpSettings settings, BalancerService service, LongSupplier wallMillis) {
    return start(settings, requireNonNull(service, "service"), null, wallMillis);
  }

  /**
   * Starts a server with {@code settings} for a balancer {@code service} and a {@code marathon},
   * either of which may be null (not both): the dashboard shows what runs, and its marathon section
   * says when no marathon runs.
   */
  public static BallastHttpServer start(
      HttpSettings settings,
      BalancerService service,
      MarathonFeed marathon,
      LongSupplier wallMillis) {
    requireNonNull(settings, "settings");
    if (service == null && marathon == null) {
      throw new IllegalArgumentException("serve a balancer service, a marathon, or both");
    }
    String token = settings.token() != null ? settings.token() : newToken();
    InetAddress address;
    try {
      address = InetAddress.getByName(settings.bind());
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException(
          "--http-bind " + settings.bind() + " is not an address of this machine", e);
    }
    HttpServer server;
    try {
      server = HttpServer.create(new InetSocketAddress(address, settings.port()), 16);
    } catch (BindException e) {
      throw new IllegalArgumentException(
          "cannot listen on "
              + settings.bind()
              + ":"
              + settings.port()
              + " ("
              + e.getMessage()
              + "); choose another --http-port, or 0 for a free one",
          e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    BallastMetrics metrics =
        service == null ? null : new BallastMetrics(wallMillis, service.settings().planner());
    DashboardState dashboard =
        service == null ? null : new DashboardState(wallMillis, service.settings().planner(), 720);
    ExecutorService threads =
        Executors.newFixedThreadPool(
            2,
            r -> {
              Thread t = new Thread(r, "ballast-http");
              t.setDaemon(true);
              return t;
            });
    ApiHandler api =
        new ApiHandler(
            service, metrics, dashboard, marathon, token, address.isLoopbackAddress(), wallMillis);
    server.createContext("/", api);
    server.setExecutor(threads);
    if (service != null) {
      service.addListener(metrics);
      service.addListener(dashboard);
    }
    server.start();
    String host = address.getHostAddress();
    if (host.contains(":")) {
      host = "[" + host + "]";
    }
    URI url = URI.create("http://" + host + ":" + server.getAddress().getPort() + "/");
    return new BallastHttpServer(server, threads, service, metrics, dashboard, token, url);
  }

  /** Returns the server's base URL, e.g. {@code http://127.0.0.1:8890/}. */
  public URI url() {
    return url;
  }

  /** Returns the dashboard's URL with the token in its fragment, so its buttons work at once. */
  public URI dashboardUrl() {
    return URI.create(url + "#token=" + token);
  }

  /** Returns the token approve and cancel require. */
  public String token() {
    return token;
  }

  /** Returns the balancer's metrics the server exports (null when it serves no balancer). */
  public BallastMetrics metrics() {
    return metrics;
  }

  /** Stops listening to the service and stops the server at once. */
  @Override
  public void close() {
    if (service != null) {
      service.removeListener(metrics);
      service.removeListener(dashboard);
    }
    server.stop(0);
    threads.shutdownNow();
    try {
      threads.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static String newToken() {
    byte[] bytes = new byte[16];
    new SecureRandom().nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }

  /** Returns whether {@code exchange}'s Host header names this machine's loopback interface. */
  static boolean loopbackHost(HttpExchange exchange) {
    String host = exchange.getRequestHeaders().getFirst("Host");
    if (host == null) {
      return true; // HTTP/1.0 without Host: nothing a browser would send
    }
    String name = host.startsWith("[") ? host.substring(0, host.indexOf(']') + 1) : host;
    int colon = name.startsWith("[") ? -1 : name.indexOf(':');
    if (colon >= 0) {
      name = name.substring(0, colon);
    }
    return name.equals("127.0.0.1") || name.equalsIgnoreCase("localhost") || name.equals("[::1]");
  }
}
