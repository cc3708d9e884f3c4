package dev.ballast.core.fix;

import java.util.regex.Pattern;

/** Quoting for the scripts and files the renderers write. */
final class Shell {

  private static final Pattern BARE = Pattern.compile("[A-Za-z0-9._:/,=@+-]+");

  private Shell() {}

  /** Returns {@code s} as one shell word: bare when safe, else single-quoted. */
  static String quote(String s) {
    if (BARE.matcher(s).matches()) {
      return s;
    }
    return "'" + s.replace("'", "'\\''") + "'";
  }

  /** Returns {@code s} as a JSON string literal. */
  static String jsonString(String s) {
    StringBuilder sb = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\t' -> sb.append("\\t");
        case '\r' -> sb.append("\\r");
        default -> {
          if (c < 0x20) {
            sb.append(String.format("\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    return sb.append('"').toString();
  }
}
