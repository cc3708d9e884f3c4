package dev.ballast.app.cli;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Help;
import picocli.CommandLine.IHelpSectionRenderer;

/**
 * The "Commands:" section of {@code ballast --help}: each command with the first sentence of its
 * description, wrapped, instead of picocli's first description line cut wherever it ends.
 */
public final class CommandList implements IHelpSectionRenderer {

  private static final Pattern SENTENCE_END = Pattern.compile("\\.(\\s|$)");
  private final int width;

  CommandList(int width) {
    this.width = width;
  }

  @Override
  public String render(Help help) {
    Map<String, Help> commands = help.subcommands();
    if (commands.isEmpty()) {
      return "";
    }
    int nameWidth = commands.keySet().stream().mapToInt(String::length).max().orElse(0) + 2;
    StringBuilder out = new StringBuilder();
    for (Map.Entry<String, Help> e : commands.entrySet()) {
      String summary = firstSentence(e.getValue().commandSpec().usageMessage().description());
      String indent = " ".repeat(2 + nameWidth);
      StringBuilder line = new StringBuilder("  ").append(pad(e.getKey(), nameWidth));
      int column = line.length();
      for (String word : summary.split("\\s+")) {
        if (column > indent.length() && column + 1 + word.length() > width) {
          out.append(line.toString().stripTrailing()).append(System.lineSeparator());
          line = new StringBuilder(indent);
          column = indent.length();
        }
        if (column > indent.length()) {
          line.append(' ');
          column++;
        }
        line.append(word);
        column += word.length();
      }
      out.append(line).append(System.lineSeparator());
    }
    return out.toString();
  }

  /**
   * Returns the first sentence of {@code description} (its lines joined), up to a colon that
   * introduces details outside parentheses, ending with a full stop.
   */
  static String firstSentence(String[] description) {
    String text = String.join(" ", description).replace("%n", " ").replace("%%", "%").strip();
    Matcher m = SENTENCE_END.matcher(text);
    String sentence = m.find() ? text.substring(0, m.start()) : text;
    int depth = 0;
    for (int i = 0; i < sentence.length() - 1; i++) {
      char c = sentence.charAt(i);
      depth += c == '(' ? 1 : c == ')' ? -1 : 0;
      if (c == ':' && depth == 0 && sentence.charAt(i + 1) == ' ') {
        return sentence.substring(0, i) + ".";
      }
    }
    return sentence.endsWith(".") ? sentence : sentence + ".";
  }

  private static String pad(String s, int width) {
    return s + " ".repeat(Math.max(1, width - s.length()));
  }

  /** Installs this renderer on the help of {@code cli} and of every command under it. */
  public static void install(CommandLine cli, int width) {
    cli.getHelpSectionMap()
        .put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_COMMAND_LIST, new CommandList(width));
    cli.getSubcommands().values().forEach(sub -> install(sub, width));
  }
}
