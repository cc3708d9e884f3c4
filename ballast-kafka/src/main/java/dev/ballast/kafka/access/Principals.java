package dev.ballast.kafka.access;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.common.config.SaslConfigs;

/** Names the principal a connection authenticates as, from its client properties. */
public final class Principals {

  private static final Pattern USERNAME = Pattern.compile("username\\s*=\\s*\"([^\"]*)\"");

  private Principals() {}

  /**
   * Returns the principal as ACLs name it: {@code User:alice} for a SASL user, {@code
   * User:ANONYMOUS} without authentication, or a description for a TLS client certificate.
   */
  public static String of(Map<String, String> clientProperties) {
    String protocol =
        clientProperties.getOrDefault(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "PLAINTEXT");
    String jaas = clientProperties.get(SaslConfigs.SASL_JAAS_CONFIG);
    if (protocol.startsWith("SASL") && jaas != null) {
      Matcher m = USERNAME.matcher(jaas);
      if (m.find()) {
        return "User:" + m.group(1);
      }
    }
    if (protocol.startsWith("SASL")) {
      return "the SASL principal of --command-config";
    }
    if (protocol.equals("SSL") && clientProperties.containsKey("ssl.keystore.location")) {
      return "the subject of the TLS client certificate (User:CN=...)";
    }
    return "User:ANONYMOUS";
  }
}
