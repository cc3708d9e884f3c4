package dev.ballast.app.marathon;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.ballast.app.task.Event;
import dev.ballast.app.task.EventSink;
import dev.ballast.app.task.Figure;
import dev.ballast.app.task.Verdict;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** The files of one task run: {@code events.jsonl} as it happens, then the summary. */
final class RunFiles implements EventSink, AutoCloseable {

  static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private static final ObjectMapper LINE = new ObjectMapper();

  private final Path dir;
  private final BufferedWriter events;

  /** Creates {@code dir} and opens its {@code events.jsonl}. */
  RunFiles(Path dir) throws IOException {
    this.dir = dir;
    Files.createDirectories(dir);
    this.events =
        Files.newBufferedWriter(
            dir.resolve("events.jsonl"),
            StandardCharsets.UTF_8,
            StandardOpenOption.CREATE,
            StandardOpenOption.APPEND);
  }

  @Override
  public synchronized void accept(Event e) {
    try {
      events.write(LINE.writeValueAsString(line(e)));
      events.newLine();
      events.flush();
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    }
  }

  /** Returns {@code e} as the map written on its line. */
  static Map<String, Object> line(Event e) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("time", e.time().toString());
    m.put("round", e.round());
    m.put("task", e.task());
    m.put("phase", e.phase() == null ? null : e.phase().label());
    m.put("kind", e.kind().name().toLowerCase(Locale.ROOT));
    m.put("severity", e.severity().label());
    m.put("checker", e.checker());
    m.put("message", e.message());
    return m;
  }

  /** Writes {@code summary.json} and {@code summary.md}. */
  void writeSummary(RunSummary s) throws IOException {
    JSON.writeValue(dir.resolve("summary.json").toFile(), s);
    StringBuilder md = new StringBuilder();
    md.append("# ").append(s.task()).append(", round ").append(s.round()).append(": ");
    md.append(s.outcome()).append("\n\n");
    md.append(
        String.format(
            Locale.ROOT, "Type `%s`, started %s, %.1f s", s.type(), s.startedAt(), s.seconds()));
    md.append(s.endDetail().isEmpty() ? "" : "; " + s.endDetail()).append(".\n\n");
    md.append("| phase | seconds | completed |\n|---|---:|---|\n");
    for (RunSummary.Phase p : s.phases()) {
      md.append(
          String.format(
              Locale.ROOT,
              "| %s | %.1f | %s |%n",
              p.phase(),
              p.seconds(),
              p.completed() ? "yes" : "no"));
    }
    md.append("\n| checker | verdict | severity | summary | evidence |\n|---|---|---|---|---|\n");
    for (Verdict v : s.verdicts()) {
      md.append("| ").append(v.checker()).append(" | ").append(v.outcome()).append(" | ");
      md.append(v.severity().label()).append(" | ").append(cell(v.summary())).append(" | ");
      md.append(cell(v.evidence())).append(" |\n");
    }
    if (!s.figures().isEmpty()) {
      md.append("\n| figure | value |\n|---|---:|\n");
      for (Figure f : s.figures()) {
        md.append(String.format(Locale.ROOT, "| %s | %.3f %s |%n", f.name(), f.value(), f.unit()));
      }
    }
    md.append("\nEvents: `events.jsonl`.\n");
    Files.writeString(dir.resolve("summary.md"), md.toString());
  }

  static String cell(String text) {
    return text.replace("|", "\\|").replace("\n", " ");
  }

  @Override
  public synchronized void close() throws IOException {
    events.close();
  }
}
