package dev.ballast.workload.spec;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import dev.ballast.core.text.FileProblems;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Collectors;

/**
 * Reads a workload from YAML. Unknown fields and bad values fail with one message naming the file,
 * the line and the field, e.g. {@code workload.yaml line 9: producers[0].messagesPerSecond: must be
 * > 0, got -5}.
 */
public final class WorkloadSpecReader {

  private final ObjectMapper mapper;

  /** Creates a reader. */
  public WorkloadSpecReader() {
    mapper = YamlBinding.strictMapper();
  }

  /** Returns the workload in {@code file}. */
  public WorkloadSpec read(Path file) {
    requireNonNull(file, "file");
    String yaml;
    try {
      yaml = Files.readString(file);
    } catch (IOException e) {
      throw new WorkloadSpecException("workload file " + file + " " + FileProblems.describe(e), e);
    }
    return parse(yaml, file.getFileName().toString());
  }

  /** Returns the workload in {@code yaml}; {@code source} names it in error messages. */
  public WorkloadSpec parse(String yaml, String source) {
    requireNonNull(yaml, "yaml");
    try {
      WorkloadSpec spec = mapper.readValue(yaml, WorkloadSpec.class);
      if (spec == null) {
        throw new WorkloadSpecException(source + " is empty; see docs/WORKLOAD.md", null);
      }
      return spec;
    } catch (UnrecognizedPropertyException e) {
      String known =
          e.getKnownPropertyIds().stream().map(Object::toString).sorted().collect(joining());
      String path = path(e);
      String parent = path.substring(0, Math.max(0, path.lastIndexOf('.')));
      String where = parent.isEmpty() ? "" : " in " + parent;
      // Jackson's location is past the field (its value, often on the next line): use the key's.
      Integer at = lines(yaml).lineOf(path);
      throw new WorkloadSpecException(
          source
              + " line "
              + (at != null ? at : line(e.getLocation()))
              + ": unknown field '"
              + e.getPropertyName()
              + "'"
              + where
              + " (known fields: "
              + known
              + ")",
          e);
    } catch (ValueInstantiationException e) {
      if (e.getCause() instanceof InvalidFieldException invalid) {
        String parent = path(e);
        String field = parent.isEmpty() ? invalid.field() : parent + "." + invalid.field();
        Integer line = lines(yaml).lineOf(field);
        throw new WorkloadSpecException(
            source
                + " line "
                + (line != null ? line : line(e.getLocation()))
                + ": "
                + field
                + ": "
                + invalid.reason(),
            e);
      }
      throw generic(source, e);
    } catch (JsonMappingException e) {
      if (e.getCause() instanceof InputCoercionException range) {
        throw tooLarge(source, yaml, path(e), range);
      }
      if (e.getCause() instanceof JsonProcessingException syntax
          && !(syntax instanceof JsonMappingException)) {
        throw notYaml(source, syntax);
      }
      throw generic(source, e);
    } catch (InputCoercionException e) {
      JsonParser p = e.getProcessor();
      String field =
          p == null
              ? ""
              : YamlBinding.Lines.dotted(p.getParsingContext().pathAsPointer().toString());
      throw tooLarge(source, yaml, field, e);
    } catch (JsonProcessingException e) {
      throw notYaml(source, e);
    }
  }

  private static WorkloadSpecException tooLarge(
      String source, String yaml, String field, InputCoercionException e) {
    Integer at = field.isEmpty() ? null : lines(yaml).lineOf(field);
    return new WorkloadSpecException(
        source
            + " line "
            + (at != null ? at : line(e.getLocation()))
            + ": "
            + (field.isEmpty() ? "" : field + ": ")
            + "the number is too large for this field",
        e);
  }

  private static WorkloadSpecException notYaml(String source, JsonProcessingException e) {
    return new WorkloadSpecException(
        source
            + " line "
            + line(e.getLocation())
            + ": not valid YAML: "
            + e.getOriginalMessage().lines().findFirst().orElse(""),
        e);
  }

  private static WorkloadSpecException generic(String source, JsonMappingException e) {
    String field = path(e);
    String message = plain(e);
    return new WorkloadSpecException(
        source
            + " line "
            + line(e.getLocation())
            + ": "
            + (field.isEmpty() ? "" : field + ": ")
            + message,
        e);
  }

  /** Returns what was wrong in words, without Jackson's class names and creators. */
  private static String plain(JsonMappingException e) {
    String message = e.getOriginalMessage().lines().findFirst().orElse("bad value");
    if (e instanceof MismatchedInputException m && m.getTargetType() != null) {
      String got =
          e instanceof InvalidFormatException f && f.getValue() != null
              ? ", got '" + f.getValue() + "'"
              : "";
      if (m.getTargetType() == Duration.class && message.contains(" is not a duration")) {
        return message.substring(message.lastIndexOf(": '") + 2);
      }
      return "expected " + expected(m.getTargetType()) + got;
    }
    if (e.getCause() instanceof IllegalArgumentException cause && cause.getMessage() != null) {
      return cause.getMessage().lines().findFirst().orElse("bad value");
    }
    if (message.startsWith("Cannot ") || message.contains("`")) {
      return "this value does not fit here; see docs/WORKLOAD.md";
    }
    return message;
  }

  private static String expected(Class<?> type) {
    if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
      return "a whole number";
    }
    if (type == Double.class || type == double.class) {
      return "a number";
    }
    if (type == Duration.class) {
      return "a duration such as 500ms, 1.5s or 5m";
    }
    if (type == String.class || type.isEnum()) {
      return "a single value (text)";
    }
    if (type == MessageSizeSpec.class) {
      return "a size in bytes or {distribution: uniform, min: .., max: ..}";
    }
    if (java.util.Collection.class.isAssignableFrom(type)) {
      return "a list";
    }
    if (java.util.Map.class.isAssignableFrom(type)) {
      return "a map of key: value";
    }
    return "a map of fields (key: value)";
  }

  private static java.util.stream.Collector<CharSequence, ?, String> joining() {
    return Collectors.joining(", ");
  }

  private static int line(JsonLocation location) {
    return location == null ? 0 : location.getLineNr();
  }

  private static String path(JsonMappingException e) {
    return YamlBinding.path(e);
  }

  private static YamlBinding.Lines lines(String yaml) {
    return YamlBinding.Lines.of(yaml);
  }
}
