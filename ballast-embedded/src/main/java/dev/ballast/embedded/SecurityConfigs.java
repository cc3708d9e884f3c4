package dev.ballast.embedded;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The node and client configuration of a secured embedded cluster: the brokers' one listener (which
 * also carries replication, through the fault proxy) uses {@link ClusterSecurity}; the controller's
 * listener stays plaintext on 127.0.0.1. With SASL, a StandardAuthorizer runs on every node, user
 * {@value #ADMIN} is a super user and user {@value #GUEST} has no ACLs at all.
 */
final class SecurityConfigs {

  /** The super user, which Ballast's own admin client and the brokers use. */
  static final String ADMIN = "admin";

  /** A user without ACLs, to see refusals. */
  static final String GUEST = "guest";

  private static final String AUTHORIZER =
      "org.apache.kafka.metadata.authorizer.StandardAuthorizer";

  private final ClusterSecurity security;
  private final Map<String, String> passwords = new TreeMap<>();
  private final TlsMaterial tls;

  private SecurityConfigs(ClusterSecurity security, TlsMaterial tls) {
    this.security = security;
    this.tls = tls;
    passwords.put(ADMIN, TlsMaterial.randomHex(9));
    passwords.put(GUEST, TlsMaterial.randomHex(9));
  }

  /** Returns the configuration for {@code security}, making certificates in {@code dir} for SSL. */
  static SecurityConfigs create(ClusterSecurity security, Path dir) {
    requireNonNull(security, "security");
    return new SecurityConfigs(
        security, security == ClusterSecurity.SSL ? TlsMaterial.create(dir) : null);
  }

  ClusterSecurity security() {
    return security;
  }

  /** Returns the listener spec {@code PROTOCOL://127.0.0.1:port} brokers bind. */
  String listener(int port) {
    return security.protocol() + "://127.0.0.1:" + port;
  }

  /** Returns what a broker binding {@code port} and advertising {@code advertisedPort} adds. */
  Map<String, String> broker(int port, int advertisedPort) {
    Map<String, String> c = new TreeMap<>();
    if (security == ClusterSecurity.NONE) {
      return c;
    }
    String name = security.protocol();
    c.put("listeners", listener(port));
    c.put("advertised.listeners", listener(advertisedPort));
    c.put("listener.security.protocol.map", name + ":" + name + ",CONTROLLER:PLAINTEXT");
    c.put("inter.broker.listener.name", name);
    if (security.isSasl()) {
      String mech = security.mechanism();
      c.put("sasl.enabled.mechanisms", mech);
      c.put("sasl.mechanism.inter.broker.protocol", mech);
      c.put(
          "listener.name." + name.toLowerCase() + "." + mech.toLowerCase() + ".sasl.jaas.config",
          brokerJaas());
      c.putAll(authorizer());
    } else {
      c.put("ssl.keystore.type", "PKCS12");
      c.put("ssl.keystore.location", tls.keystore().toString());
      c.put("ssl.keystore.password", tls.password());
      c.put("ssl.key.password", tls.password());
      c.put("ssl.truststore.type", "PKCS12");
      c.put("ssl.truststore.location", tls.truststore().toString());
      c.put("ssl.truststore.password", tls.password());
      c.put("ssl.client.auth", "none");
    }
    return c;
  }

  /** Returns what the controller adds: the authorizer, with SASL. */
  Map<String, String> controller() {
    return security.isSasl() ? authorizer() : Map.of();
  }

  /** Returns the extra arguments of the controller's storage format (SCRAM users). */
  List<String> formatArgs() {
    List<String> args = new ArrayList<>();
    if (security == ClusterSecurity.SASL_SCRAM) {
      passwords.forEach(
          (user, pw) -> {
            args.add("--add-scram");
            args.add(security.mechanism() + "=[name=" + user + ",password=" + pw + "]");
          });
    }
    return args;
  }

  /** Returns the client properties for {@code user} (ignored without SASL). */
  Map<String, String> client(String user) {
    Map<String, String> c = new TreeMap<>();
    if (security == ClusterSecurity.NONE) {
      return c;
    }
    c.put("security.protocol", security.protocol());
    if (security.isSasl()) {
      c.put("sasl.mechanism", security.mechanism());
      c.put("sasl.jaas.config", loginModule() + " required " + credentials(user) + ";");
    } else {
      c.put("ssl.truststore.type", "PKCS12");
      c.put("ssl.truststore.location", tls.truststore().toString());
      c.put("ssl.truststore.password", tls.password());
    }
    return c;
  }

  /**
   * Writes a client properties file per user into {@code dir} and returns them by user: {@code
   * admin} and {@code guest} with SASL, one for any client with SSL, none without security.
   */
  Map<String, Path> writeClientFiles(Path dir) throws IOException {
    Map<String, Path> files = new TreeMap<>();
    if (security == ClusterSecurity.NONE) {
      return files;
    }
    List<String> users = security.isSasl() ? List.of(ADMIN, GUEST) : List.of(ADMIN);
    for (String user : users) {
      Path file =
          dir.resolve(security.isSasl() ? "client-" + user + ".properties" : "client.properties");
      Properties p = new Properties();
      p.putAll(client(user));
      try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
        p.store(
            w,
            security.isSasl()
                ? "Ballast embedded cluster, user "
                    + user
                    + (user.equals(GUEST) ? " (no ACLs)" : "")
                : "Ballast embedded cluster, TLS");
      }
      files.put(user, file);
    }
    return files;
  }

  private Map<String, String> authorizer() {
    Map<String, String> c = new TreeMap<>();
    c.put("authorizer.class.name", AUTHORIZER);
    // Brokers reach the controller over its plaintext listener as User:ANONYMOUS.
    c.put("super.users", "User:" + ADMIN + ";User:ANONYMOUS");
    c.put("allow.everyone.if.no.acl.found", "false");
    return c;
  }

  private String loginModule() {
    return security == ClusterSecurity.SASL_PLAIN
        ? "org.apache.kafka.common.security.plain.PlainLoginModule"
        : "org.apache.kafka.common.security.scram.ScramLoginModule";
  }

  private String credentials(String user) {
    return "username=\"" + user + "\" password=\"" + passwords.get(user) + "\"";
  }

  private String brokerJaas() {
    StringBuilder sb = new StringBuilder(loginModule()).append(" required ");
    sb.append(credentials(ADMIN));
    if (security == ClusterSecurity.SASL_PLAIN) {
      passwords.forEach(
          (user, pw) -> sb.append(" user_").append(user).append("=\"").append(pw).append('"'));
    }
    return sb.append(';').toString();
  }
}
