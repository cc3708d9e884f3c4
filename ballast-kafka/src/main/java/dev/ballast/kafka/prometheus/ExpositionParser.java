package dev.ballast.kafka.prometheus;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Parses the Prometheus text exposition format 0.0.4: {@code # HELP} and {@code # TYPE} lines,
 * other comments, and samples {@code name{label="value",...} value [timestamp]} with label values
 * escaped as {@code \\}, {@code \"} and {@code \n}, values that may be {@code NaN}, {@code +Inf} or
 * {@code -Inf}. A trailing comma in the label set (older jmx_exporter) is accepted; anything else
 * malformed is an {@link ExpositionException} naming the line.
 */
public final class ExpositionParser {

  private static final Pattern NUMBER =
      Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

  private final String line;
  private final int lineNumber;
  private int pos;

  private ExpositionParser(String line, int lineNumber) {
    this.line = line;
    this.lineNumber = lineNumber;
  }

  /** Returns the samples and declared types in {@code text}. */
  public static Exposition parse(String text) {
    List<Exposition.Sample> samples = new ArrayList<>();
    Map<String, String> types = new HashMap<>();
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String raw =
          lines[i].endsWith("\r") ? lines[i].substring(0, lines[i].length() - 1) : lines[i];
      if (raw.isBlank()) {
        continue;
      }
      ExpositionParser p = new ExpositionParser(raw, i + 1);
      p.skipBlanks();
      if (p.peek() == '#') {
        p.comment(types);
      } else {
        samples.add(p.sample());
      }
    }
    return new Exposition(samples, types);
  }

  private void comment(Map<String, String> types) {
    pos++; // '#'
    skipBlanks();
    int start = pos;
    while (pos < line.length() && !isBlank(line.charAt(pos))) {
      pos++;
    }
    String keyword = line.substring(start, pos);
    if (!keyword.equals("TYPE")) {
      return; // HELP and free comments carry nothing the mapper needs
    }
    skipBlanks();
    String name = metricName();
    skipBlanks();
    String type = line.substring(pos).trim().toLowerCase(Locale.ROOT);
    if (type.isEmpty()) {
      throw error("# TYPE without a type");
    }
    types.put(name, type);
  }

  private Exposition.Sample sample() {
    String name = metricName();
    Map<String, String> labels = new LinkedHashMap<>();
    skipBlanks();
    if (peek() == '{') {
      pos++;
      labels(labels);
    }
    skipBlanks();
    double value = value(token("a value"));
    skipBlanks();
    Long timestamp = null;
    if (pos < line.length()) {
      String t = token("a timestamp");
      try {
        timestamp = Long.parseLong(t);
      } catch (NumberFormatException e) {
        throw error("timestamp '" + t + "' is not an integer (ms since the epoch)");
      }
      skipBlanks();
      if (pos < line.length()) {
        throw error("unexpected text after the timestamp");
      }
    }
    return new Exposition.Sample(name, labels, value, timestamp);
  }

  private void labels(Map<String, String> labels) {
    while (true) {
      skipBlanks();
      if (peek() == '}') {
        pos++;
        return;
      }
      String label = labelName();
      skipBlanks();
      expect('=');
      skipBlanks();
      expect('"');
      String value = labelValue();
      if (labels.put(label, value) != null) {
        throw error("label '" + label + "' appears twice");
      }
      skipBlanks();
      char c = peek();
      if (c == ',') {
        pos++;
      } else if (c != '}') {
        throw error("expected ',' or '}' after label '" + label + "'");
      }
    }
  }

  private String labelValue() {
    StringBuilder out = new StringBuilder();
    while (pos < line.length()) {
      char c = line.charAt(pos++);
      if (c == '"') {
        return out.toString();
      }
      if (c != '\\') {
        out.append(c);
        continue;
      }
      if (pos >= line.length()) {
        break;
      }
      char escaped = line.charAt(pos++);
      switch (escaped) {
        case '\\' -> out.append('\\');
        case '"' -> out.append('"');
        case 'n' -> out.append('\n');
        default -> throw error("unknown escape '\\" + escaped + "' in a label value");
      }
    }
    throw error("unterminated label value");
  }

  private String metricName() {
    return name(/* colon= */ true, "a metric name");
  }

  private String labelName() {
    return name(/* colon= */ false, "a label name");
  }

  /** Reads a name ([a-zA-Z_:][a-zA-Z0-9_:]*, with ':' only when {@code colon}). */
  private String name(boolean colon, String what) {
    int start = pos;
    if (pos < line.length() && isNameStart(line.charAt(pos), colon)) {
      pos++;
      while (pos < line.length() && isNamePart(line.charAt(pos), colon)) {
        pos++;
      }
    }
    if (start == pos) {
      throw error("expected " + what);
    }
    return line.substring(start, pos);
  }

  private double value(String text) {
    switch (text.toLowerCase(Locale.ROOT)) {
      case "nan":
        return Double.NaN;
      case "+inf", "inf", "+infinity", "infinity":
        return Double.POSITIVE_INFINITY;
      case "-inf", "-infinity":
        return Double.NEGATIVE_INFINITY;
      default:
        if (!NUMBER.matcher(text).matches()) {
          throw error("value '" + text + "' is not a number");
        }
        return Double.parseDouble(text);
    }
  }

  private String token(String what) {
    int start = pos;
    while (pos < line.length() && !isBlank(line.charAt(pos))) {
      pos++;
    }
    if (start == pos) {
      throw error("expected " + what);
    }
    return line.substring(start, pos);
  }

  private void expect(char c) {
    if (peek() != c) {
      throw error("expected '" + c + "'");
    }
    pos++;
  }

  private char peek() {
    return pos < line.length() ? line.charAt(pos) : '\0';
  }

  private void skipBlanks() {
    while (pos < line.length() && isBlank(line.charAt(pos))) {
      pos++;
    }
  }

  private ExpositionException error(String problem) {
    return new ExpositionException(lineNumber, problem, line);
  }

  private static boolean isBlank(char c) {
    return c == ' ' || c == '\t';
  }

  private static boolean isNameStart(char c, boolean colon) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || (colon && c == ':');
  }

  private static boolean isNamePart(char c, boolean colon) {
    return isNameStart(c, colon) || (c >= '0' && c <= '9');
  }
}
