package dev.ballast.app.cli;

import dev.ballast.embedded.ClusterSecurity;
import picocli.CommandLine.Option;

/** {@code --security}: how clients reach an embedded cluster's brokers (TLS, SASL with ACLs). */
public final class SecurityOption {

  @Option(
      names = "--security",
      paramLabel = "MODE",
      defaultValue = "none",
      description =
          "Secure the embedded cluster: none, sasl-plain or sasl-scram (SASL with ACLs: super user"
              + " admin, user guest without ACLs), or ssl (TLS, certificates made at start). The"
              + " client properties files are written next to the data and printed (default:"
              + " none).")
  String security;

  /** Returns the chosen security; an unknown value is a one-line error. */
  public ClusterSecurity security() {
    try {
      return ClusterSecurity.fromOption(security == null ? "none" : security);
    } catch (IllegalArgumentException e) {
      throw new UserException(e.getMessage());
    }
  }
}
