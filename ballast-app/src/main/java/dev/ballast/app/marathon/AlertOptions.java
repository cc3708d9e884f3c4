package dev.ballast.app.marathon;

import dev.ballast.app.cli.UserException;
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

  /** Returns the listeners these options ask for; closeables go into {@code resources}. */
  List<MarathonListener> listeners(String cluster, PrintWriter out, List<AutoCloseable> resources) {
    List<MarathonListener> list = new ArrayList<>();
    List<AlertSender> senders = new ArrayList<>();
    if (alertmanagerUrl != null) {
      senders.add(AlertSender.alertmanager(uri("--alertmanager-url", alertmanagerUrl)));
    }
    if (webhookUrl != null) {
      senders.add(AlertSender.webhook(uri("--webhook-url", webhookUrl)));
    }
    if (!senders.isEmpty()) {
      list.add(
          new Alerts(
              cluster,
              senders,
              dev.ballast.workload.rate.NanoClock.SYSTEM,
              java.time.InstantSource.system(),
              line -> {
                out.println(line);
                out.flush();
              }));
    }
    return list;
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
