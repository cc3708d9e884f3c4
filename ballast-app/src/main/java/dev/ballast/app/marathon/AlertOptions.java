package dev.ballast.app.marathon;

import dev.ballast.app.cli.UserException;
import dev.ballast.app.http.BallastHttpServer;
import dev.ballast.app.http.HttpSettings;
import java.io.PrintWriter;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** {@code --alertmanager-url}, {@code --webhook-url} and {@code --http-port} of the marathon. */
public final class AlertOptions {

  @Option(
      names = "--alertmanager-url",
      paramLabel = "URL",
      description = "Send alerts to this Alertmanager (API v2), e.g. http://127.0.0.1:9093.")
  String alertmanagerUrl;

  @Option(
      names = "--webhook-url",
      paramLabel = "URL",
      description = "POST alerts to this URL in the Alertmanager webhook JSON shape.")
  String webhookUrl;

  @Option(
      names = "--http-port",
      paramLabel = "PORT",
      description =
          "Serve the dashboard (its marathon section), GET /api/marathon and /metrics on"
              + " 127.0.0.1:PORT (0: a free one).")
  Integer httpPort;

  /** Returns the listeners these options ask for; closeables go into {@code resources}. */
  List<MarathonListener> listeners(String cluster, PrintWriter out, List<AutoCloseable> resources)
      throws java.io.IOException {
    List<MarathonListener> list = new ArrayList<>();
    Alerts alerts = alerts(cluster, out);
    if (alerts != null) {
      list.add(alerts);
    }
    if (httpPort != null) {
      if (httpPort < 0 || httpPort > 65535) {
        throw new UserException("--http-port must be between 0 and 65535, not " + httpPort);
      }
      MarathonMetrics metrics = new MarathonMetrics();
      MarathonState state = new MarathonState(alerts == null ? List::of : alerts::active);
      BallastHttpServer server;
      try {
        server =
            BallastHttpServer.start(
                new HttpSettings(HttpSettings.LOOPBACK, httpPort, null),
                /* service= */ null,
                new MarathonView(metrics, state),
                System::currentTimeMillis);
      } catch (IllegalArgumentException e) {
        throw new UserException(e.getMessage());
      }
      resources.add(server);
      list.add(metrics);
      list.add(state);
      out.println(
          "marathon: dashboard "
              + server.url()
              + " (marathon section), "
              + server.url()
              + "api/marathon, "
              + server.url()
              + "metrics");
    }
    return list;
  }

  private Alerts alerts(String cluster, PrintWriter out) {
    List<AlertSender> senders = new ArrayList<>();
    if (alertmanagerUrl != null) {
      senders.add(AlertSender.alertmanager(uri("--alertmanager-url", alertmanagerUrl)));
    }
    if (webhookUrl != null) {
      senders.add(AlertSender.webhook(uri("--webhook-url", webhookUrl)));
    }
    if (senders.isEmpty()) {
      return null;
    }
    return new Alerts(
        cluster,
        senders,
        dev.ballast.workload.rate.NanoClock.SYSTEM,
        java.time.InstantSource.system(),
        line -> {
          out.println(line);
          out.flush();
        });
  }

  private static URI uri(String option, String value) {
    try {
      URI u = URI.create(value);
      if (u.getScheme() == null || !u.getScheme().startsWith("http") || u.getHost() == null) {
        throw new IllegalArgumentException("not an http(s) URL");
      }
      return u;
    } catch (IllegalArgumentException e) {
      throw new UserException(
          option + " must be an http(s) URL like http://127.0.0.1:9093, not '" + value + "'");
    }
  }
}
