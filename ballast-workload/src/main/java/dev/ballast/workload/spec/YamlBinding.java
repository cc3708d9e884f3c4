package dev.ballast.workload.spec;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.NumberDeserializers;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * The YAML binding every Ballast file reader shares (workloads, marathon task lists): a strict
 * mapper (unknown fields, duplicate keys, nulls for numbers and trailing content refused; durations
 * such as {@code 1.5s}; numbers too large for a double refused) and the field paths and line
 * numbers its one-line errors name ({@code producers[0].messageSize}, line 9).
 */
public final class YamlBinding {

  private YamlBinding() {}

  /** Returns a new strict YAML mapper. */
  public static ObjectMapper strictMapper() {
    SimpleModule values = new SimpleModule("ballast-yaml-values");
    values.addDeserializer(Duration.class, new DurationDeserializer());
    values.addDeserializer(Double.class, new FiniteDoubleDeserializer(Double.class));
    values.addDeserializer(double.class, new FiniteDoubleDeserializer(double.class));
    return new ObjectMapper(
            YAMLFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build())
        .registerModule(values)
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
  }

  /** Returns Jackson's path to the failing value as {@code producers[0].messageSize}. */
  public static String path(JsonMappingException e) {
    StringBuilder path = new StringBuilder();
    for (JsonMappingException.Reference ref : e.getPath()) {
      if (ref.getFieldName() != null) {
        path.append(path.length() == 0 ? "" : ".").append(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        path.append('[').append(ref.getIndex()).append(']');
      }
    }
    return path.toString();
  }

  /**
   * Where each field path starts in a YAML text, for errors raised after binding.
   *
   * @param lines the line of each dotted path ({@code tasks[0].config.backlog})
   */
  public record Lines(Map<String, Integer> lines) {

    /** Copies. */
    public Lines {
      lines = Map.copyOf(lines);
    }

    /** Returns the lines of {@code yaml}; none when it cannot be read (a line is a nicety). */
    public static Lines of(String yaml) {
      Map<String, Integer> lines = new HashMap<>();
      try (JsonParser parser = new YAMLFactory().createParser(yaml)) {
        for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
          String key = dotted(parser.getParsingContext().pathAsPointer().toString());
          lines.putIfAbsent(key, parser.currentTokenLocation().getLineNr());
        }
      } catch (IOException e) {
        // Keep what was read before the error.
      }
      return new Lines(lines);
    }

    /** Returns the line of {@code path}, or of its nearest enclosing path, or null. */
    public Integer lineOf(String path) {
      String p = path;
      while (!p.isEmpty()) {
        Integer line = lines.get(p);
        if (line != null) {
          return line;
        }
        int cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
        p = cut < 0 ? "" : p.substring(0, cut);
      }
      return null;
    }

    /**
     * Returns a JSON pointer ({@code /producers/0/rate}) as a dotted path ({@code
     * producers[0].rate}).
     */
    public static String dotted(String pointer) {
      StringBuilder path = new StringBuilder();
      for (String segment : pointer.split("/")) {
        if (segment.isEmpty()) {
          continue;
        }
        if (segment.chars().allMatch(Character::isDigit)) {
          path.append('[').append(segment).append(']');
        } else {
          path.append(path.length() == 0 ? "" : ".")
              .append(segment.replace("~1", "/").replace("~0", "~"));
        }
      }
      return path.toString();
    }
  }

  /** Numbers as Jackson reads them, except that one too large for a double (1e400) is refused. */
  private static final class FiniteDoubleDeserializer extends StdScalarDeserializer<Double> {

    private static final long serialVersionUID = 1L;
    private final JsonDeserializer<?> numbers;

    FiniteDoubleDeserializer(Class<?> type) {
      super(Double.class);
      this.numbers = NumberDeserializers.find(type, type.getName());
    }

    @Override
    public Double deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      Double value = (Double) numbers.deserialize(p, ctxt);
      if (value != null && value.isInfinite()) {
        throw JsonMappingException.from(p, "the number is too large for this field");
      }
      return value;
    }
  }

  /** Durations as {@link Durations#parse} reads them ({@code 500ms}, {@code 1.5s}, {@code 5m}). */
  private static final class DurationDeserializer extends StdScalarDeserializer<Duration> {

    private static final long serialVersionUID = 1L;

    DurationDeserializer() {
      super(Duration.class);
    }

    @Override
    public Duration deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      String text = p.getValueAsString();
      try {
        return Durations.parse(text);
      } catch (IllegalArgumentException e) {
        throw ctxt.weirdStringException(text, Duration.class, e.getMessage());
      }
    }
  }
}
