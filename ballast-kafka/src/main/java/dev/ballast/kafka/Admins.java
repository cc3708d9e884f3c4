package dev.ballast.kafka;

import java.time.Duration;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/** Creates Admin clients with timeouts that fail fast on an unreachable cluster. */
public final class Admins {

  private Admins() {}

  /** Returns an Admin client for {@code settings} whose calls give up after {@code timeout}. */
  public static Admin create(ClientSettings settings, Duration timeout) {
    Properties p = settings.toProperties();
    p.putIfAbsent(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, Long.toString(timeout.toMillis()));
    p.putIfAbsent(
        AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, Long.toString(timeout.toMillis()));
    p.putIfAbsent(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, "1000");
    p.putIfAbsent(AdminClientConfig.CLIENT_ID_CONFIG, "ballast-admin");
    return Admin.create(p);
  }
}
