package dev.ballast.app.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Breaks a valid JSON or YAML document the ways files get broken: cut short, a value of the wrong
 * type, a number too large for any field, a key written twice, junk after the document.
 */
enum Malformed {
  TRUNCATED(true),
  HUGE_INTEGER(false),
  HUGE_FLOAT(true),
  WRONG_TYPE(false),
  NEGATIVE(false),
  DUPLICATE_KEY(true),
  TRAILING_JUNK(true);

  private static final Pattern NUMBER = Pattern.compile("(?<=[:\\[,] ?|- )-?\\d+(\\.\\d+)?\\b");
  private static final Pattern JSON_KEY = Pattern.compile("\"[A-Za-z_]+\"\\s*:");
  private static final Pattern YAML_KEY = Pattern.compile("(?m)^(\\s*)([A-Za-z]+):");
  private static final String[] WRONG = {"\"x\"", "true", "{}", "[]", "null", "\"12\""};
  private static final String[] JUNK = {"}", "{}", "x", "[1]", "\"more\""};

  private final boolean alwaysBad;

  Malformed(boolean alwaysBad) {
    this.alwaysBad = alwaysBad;
  }

  /** Returns whether every JSON document broken this way must be refused (not just may be). */
  boolean alwaysBad() {
    return alwaysBad;
  }

  /**
   * Returns the same for YAML, where a document cut short may still be a valid one and a number may
   * land in a free-text setting (a client config value).
   */
  boolean alwaysBadYaml() {
    return this == DUPLICATE_KEY || this == TRAILING_JUNK;
  }

  /** Returns {@code json} broken this way; {@code at} and {@code choice} pick where and how. */
  String breakJson(String json, int at, int choice) {
    String doc = json.strip();
    return switch (this) {
      case TRUNCATED -> doc.substring(0, Math.floorMod(at, doc.length() - 1) + 1);
      case HUGE_INTEGER -> replaceNumber(doc, at, "123456789012345678901234567890");
      case HUGE_FLOAT -> replaceNumber(doc, at, "1e400");
      case WRONG_TYPE -> replaceNumber(doc, at, WRONG[Math.floorMod(choice, WRONG.length)]);
      case NEGATIVE -> replaceNumber(doc, at, "-1");
      case DUPLICATE_KEY -> repeatKey(doc, JSON_KEY, at, "%s 0, ");
      case TRAILING_JUNK -> doc + "\n" + JUNK[Math.floorMod(choice, JUNK.length)];
    };
  }

  /** Returns {@code yaml} broken this way (a cut document may still be valid YAML). */
  String breakYaml(String yaml, int at, int choice) {
    String doc = yaml.strip();
    return switch (this) {
      case TRUNCATED -> doc.substring(0, Math.floorMod(at, doc.length() - 1) + 1);
      case DUPLICATE_KEY -> repeatYamlKey(doc, at);
      case TRAILING_JUNK -> doc + "\n" + (choice % 2 == 0 ? "]" : "--- [");
      default -> breakJson(doc, at, choice);
    };
  }

  private static String replaceNumber(String doc, int at, String with) {
    List<int[]> spans = spans(NUMBER.matcher(doc));
    if (spans.isEmpty()) {
      return doc + "\n}";
    }
    int[] s = spans.get(Math.floorMod(at, spans.size()));
    return doc.substring(0, s[0]) + with + doc.substring(s[1]);
  }

  private static String repeatKey(String doc, Pattern key, int at, String format) {
    List<int[]> spans = spans(key.matcher(doc));
    int[] s = spans.get(Math.floorMod(at, spans.size()));
    String k = doc.substring(s[0], s[1]);
    return doc.substring(0, s[0]) + String.format(format, k) + doc.substring(s[0]);
  }

  private static String repeatYamlKey(String doc, int at) {
    Matcher m = YAML_KEY.matcher(doc);
    List<int[]> spans = spans(m);
    int[] s = spans.get(Math.floorMod(at, spans.size()));
    String line = doc.substring(s[0], s[1]);
    String indent = line.substring(0, line.length() - line.stripLeading().length());
    // The same key again, at the same indentation, right after the first one's line.
    int eol = doc.indexOf('\n', s[1]);
    eol = eol < 0 ? doc.length() : eol;
    return doc.substring(0, eol) + "\n" + indent + line.strip() + " 1" + doc.substring(eol);
  }

  private static List<int[]> spans(Matcher m) {
    List<int[]> spans = new ArrayList<>();
    while (m.find()) {
      spans.add(new int[] {m.start(), m.end()});
    }
    return spans;
  }
}
