package dev.ballast.app.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** Reads Ballast's and Kafka's versions from the properties the build filters. */
public final class VersionProvider implements IVersionProvider {

  @Override
  public String[] getVersion() {
    Properties props = new Properties();
    try (InputStream in =
        VersionProvider.class.getResourceAsStream("/dev/ballast/app/version.properties")) {
      if (in != null) {
        props.load(in);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new String[] {
      "ballast " + props.getProperty("version", "unknown"),
      "Apache Kafka "
          + props.getProperty("kafka.version", "unknown")
          + " (embedded cluster and clients)",
      "Java " + Runtime.version()
    };
  }
}
