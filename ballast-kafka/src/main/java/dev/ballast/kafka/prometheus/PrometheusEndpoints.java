package dev.ballast.kafka.prometheus;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads the {@code --prometheus-url} list: comma-separated http(s) URLs, typically one a broker.
 */
public final class PrometheusEndpoints {

  private PrometheusEndpoints() {}

  /**
   * Returns the URLs in {@code commaSeparated}, in order; throws IllegalArgumentException naming
   * the first entry that is not an absolute http(s) URL with a host, or that repeats (a broker
   * scraped twice would count twice).
   */
  public static List<URI> parse(String commaSeparated) {
    Set<URI> out = new LinkedHashSet<>();
    for (String part : commaSeparated.split(",", -1)) {
      String text = part.trim();
      if (text.isEmpty()) {
        throw new IllegalArgumentException(
            "an empty entry in '" + commaSeparated + "' (URLs are separated by single commas)");
      }
      URI uri;
      try {
        uri = new URI(text);
      } catch (URISyntaxException e) {
        throw notAUrl(text);
      }
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
        throw notAUrl(text);
      }
      if (!out.add(uri)) {
        throw new IllegalArgumentException(
            text + " is listed twice; each broker's endpoint must appear once");
      }
    }
    return new ArrayList<>(out);
  }

  private static IllegalArgumentException notAUrl(String text) {
    return new IllegalArgumentException(
        "'" + text + "' is not an http(s) URL like http://broker-1:9404/metrics");
  }
}
