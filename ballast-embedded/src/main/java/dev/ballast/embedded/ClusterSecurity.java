package dev.ballast.embedded;

/** How clients reach the embedded cluster's brokers. */
public enum ClusterSecurity {
  /** PLAINTEXT, no authentication, no authorizer (the default). */
  NONE("PLAINTEXT", null),
  /** SASL/PLAIN over plaintext, with StandardAuthorizer ACLs. */
  SASL_PLAIN("SASL_PLAINTEXT", "PLAIN"),
  /** SASL/SCRAM-SHA-256 over plaintext, with StandardAuthorizer ACLs. */
  SASL_SCRAM("SASL_PLAINTEXT", "SCRAM-SHA-256"),
  /** TLS with certificates made at start (a CA and a broker certificate for 127.0.0.1). */
  SSL("SSL", null);

  private final String protocol;
  private final String mechanism;

  ClusterSecurity(String protocol, String mechanism) {
    this.protocol = protocol;
    this.mechanism = mechanism;
  }

  /** Returns Kafka's {@code security.protocol} for the brokers' listener. */
  public String protocol() {
    return protocol;
  }

  /** Returns the SASL mechanism, or null without SASL. */
  public String mechanism() {
    return mechanism;
  }

  /** Returns whether clients authenticate as users and ACLs apply. */
  public boolean isSasl() {
    return mechanism != null;
  }

  /** Returns the option value that selects this, e.g. {@code sasl-scram}. */
  public String optionValue() {
    return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }

  /** Returns the security named {@code value} ({@code none}, {@code sasl-plain}, ...). */
  public static ClusterSecurity fromOption(String value) {
    for (ClusterSecurity s : values()) {
      if (s.optionValue().equalsIgnoreCase(value.trim())) {
        return s;
      }
    }
    throw new IllegalArgumentException(
        "--security takes none, sasl-plain, sasl-scram or ssl, not '" + value + "'");
  }
}
