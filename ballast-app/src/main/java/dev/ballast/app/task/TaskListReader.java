package dev.ballast.app.task;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.ballast.workload.spec.Durations;
import dev.ballast.workload.spec.YamlBinding;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads a marathon task list from YAML (see the package documentation for the shape). Every mistake
 * fails with one line naming the file, the line and the field, e.g. {@code marathon.yaml line 7:
 * tasks[0].config.backlg: unknown field (known: backlogMiB, deadline)}.
 */
public final class TaskListReader {

  private static final Set<String> ENTRY_FIELDS =
      Set.of("type", "name", "timeout", "phaseTimeouts", "config", "checkers");
  private static final Set<String> CHECKER_FIELDS = Set.of("type", "config");

  private final TaskCatalog catalog;
  private final ObjectMapper mapper;

  /** Creates a reader that knows the types of {@code catalog}. */
  public TaskListReader(TaskCatalog catalog) {
    this.catalog = requireNonNull(catalog, "catalog");
    this.mapper = YamlBinding.strictMapper();
  }

  /** Returns the tasks listed in {@code file}. */
  public List<TaskEntry> read(Path file) {
    requireNonNull(file, "file");
    try {
      return parse(Files.readString(file), file.getFileName().toString());
    } catch (IOException e) {
      throw new TaskListException("cannot read task list " + file + ": " + e.getMessage(), e);
    }
  }

  /** Returns the tasks listed in {@code yaml}; {@code source} names it in error messages. */
  public List<TaskEntry> parse(String yaml, String source) {
    requireNonNull(yaml, "yaml");
    JsonNode root;
    try {
      root = mapper.readTree(yaml);
    } catch (JsonProcessingException e) {
      int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
      String why = e.getOriginalMessage().lines().findFirst().orElse("");
      throw new TaskListException(source + " line " + line + ": not valid YAML: " + why, e);
    }
    Errors errors = new Errors(source, YamlBinding.Lines.of(yaml));
    if (root == null || root.isMissingNode() || root.isNull()) {
      throw errors.at(
          "", "the file is empty; list tasks under 'tasks:' (see examples/marathon.yaml)");
    }
    errors.onlyFields(root, "", Set.of("tasks"));
    JsonNode tasks = root.get("tasks");
    if (tasks == null || !tasks.isArray() || tasks.isEmpty()) {
      throw errors.at("tasks", "must be a non-empty list of tasks");
    }
    List<TaskEntry> entries = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (int i = 0; i < tasks.size(); i++) {
      TaskEntry entry = entry(tasks.get(i), "tasks[" + i + "]", errors);
      if (!names.add(entry.name())) {
        throw errors.at(
            "tasks[" + i + "].name",
            "'" + entry.name() + "' is used twice; give each task of a type a 'name:'");
      }
      entries.add(entry);
    }
    return List.copyOf(entries);
  }

  private TaskEntry entry(JsonNode node, String path, Errors errors) {
    if (!node.isObject()) {
      throw errors.at(path, "must be a task ({type: ..., config: {...}})");
    }
    errors.onlyFields(node, path, ENTRY_FIELDS);
    String typeName = text(node, "type", path, errors, null);
    TaskType<?> type = catalog.task(typeName);
    if (type == null) {
      throw errors.at(
          path + ".type",
          "unknown task type '"
              + typeName
              + "' (known: "
              + String.join(", ", catalog.taskNames())
              + ")");
    }
    String name = text(node, "name", path, errors, typeName);
    if (!name.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
      throw errors.at(
          path + ".name", "must be letters, digits, '.', '_' or '-', got '" + name + "'");
    }
    Duration timeout = duration(node.get("timeout"), path + ".timeout", errors);
    Map<TaskPhase, Duration> phases = new EnumMap<>(TaskPhase.class);
    JsonNode pt = node.get("phaseTimeouts");
    if (pt != null) {
      Map<String, TaskPhase> byLabel = new HashMap<>();
      for (TaskPhase p : TaskPhase.values()) {
        byLabel.put(p.label(), p);
      }
      errors.onlyFields(pt, path + ".phaseTimeouts", byLabel.keySet());
      pt.fields()
          .forEachRemaining(
              f ->
                  phases.put(
                      byLabel.get(f.getKey()),
                      duration(f.getValue(), path + ".phaseTimeouts." + f.getKey(), errors)));
    }
    TaskLimits limits;
    try {
      limits = new TaskLimits(timeout == null ? TaskLimits.DEFAULT_TASK : timeout, phases);
    } catch (IllegalArgumentException e) {
      throw errors.at(path, e.getMessage());
    }
    Object config = bind(node.get("config"), type.configType(), path + ".config", errors);
    return new TaskEntry(name, type, config, limits, checkers(node.get("checkers"), path, errors));
  }

  private List<Checker> checkers(JsonNode list, String path, Errors errors) {
    List<Checker> out = new ArrayList<>();
    if (list == null) {
      return out;
    }
    if (!list.isArray()) {
      throw errors.at(path + ".checkers", "must be a list of {type: ..., config: {...}}");
    }
    for (int i = 0; i < list.size(); i++) {
      String p = path + ".checkers[" + i + "]";
      JsonNode c = list.get(i);
      if (!c.isObject()) {
        throw errors.at(p, "must be a checker ({type: ..., config: {...}})");
      }
      errors.onlyFields(c, p, CHECKER_FIELDS);
      String typeName = text(c, "type", p, errors, null);
      CheckerType<?> type = catalog.checker(typeName);
      if (type == null) {
        throw errors.at(
            p + ".type",
            "unknown checker type '"
                + typeName
                + "' (known: "
                + String.join(", ", catalog.checkerNames())
                + ")");
      }
      out.add(createChecker(type, c.get("config"), p + ".config", errors));
    }
    return out;
  }

  private <C> Checker createChecker(CheckerType<C> type, JsonNode config, String p, Errors e) {
    return requireNonNull(type.create(bind(config, type.configType(), p, e)), type.name());
  }

  private <C> C bind(JsonNode config, Class<C> cls, String path, Errors errors) {
    JsonNode node = config == null ? JsonNodeFactory.instance.objectNode() : config;
    if (!node.isObject()) {
      throw errors.at(path, "must be a map of settings");
    }
    try {
      return mapper.treeToValue(node, cls);
    } catch (UnrecognizedPropertyException e) {
      String field = path + "." + Errors.path(e);
      Set<String> known = new TreeSet<>();
      e.getKnownPropertyIds().forEach(k -> known.add(String.valueOf(k)));
      throw errors.at(field, "unknown field (known: " + String.join(", ", known) + ")");
    } catch (ValueInstantiationException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      throw errors.at(path, cause.getMessage());
    } catch (JsonProcessingException e) {
      String sub = e instanceof JsonMappingException m ? Errors.path(m) : "";
      String why = e.getOriginalMessage().lines().findFirst().orElse("bad value");
      throw errors.at(
          sub.isEmpty() ? path : path + "." + sub,
          why.replaceAll(" \\(class [^)]*\\)", "").replace("`", "'"));
    }
  }

  private static String text(JsonNode node, String field, String path, Errors errors, String dflt) {
    JsonNode v = node.get(field);
    if (v == null && dflt != null) {
      return dflt;
    }
    if (v == null || !v.isTextual() || v.asText().isBlank()) {
      throw errors.at(
          path + "." + field, "must be given as a word" + (v == null ? "" : ", got " + v));
    }
    return v.asText();
  }

  private static Duration duration(JsonNode v, String path, Errors errors) {
    if (v == null) {
      return null;
    }
    try {
      return Durations.parse(v.asText());
    } catch (IllegalArgumentException e) {
      throw errors.at(path, e.getMessage());
    }
  }

  /** Builds the one-line errors: source, line of the nearest known path, field, reason. */
  private record Errors(String source, YamlBinding.Lines lines) {

    TaskListException at(String path, String reason) {
      return new TaskListException(
          source + " line " + lineOf(path) + ": " + (path.isEmpty() ? "" : path + ": ") + reason,
          null);
    }

    void onlyFields(JsonNode node, String path, Set<String> known) {
      if (!node.isObject()) {
        throw at(path, "must be a map");
      }
      for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
        String f = it.next();
        if (!known.contains(f)) {
          throw at(
              path.isEmpty() ? f : path + "." + f,
              "unknown field (known: " + String.join(", ", new TreeSet<>(known)) + ")");
        }
      }
    }

    int lineOf(String path) {
      Integer line = lines.lineOf(path);
      return line == null ? 1 : line;
    }

    static String path(JsonMappingException e) {
      return YamlBinding.path(e);
    }
  }
}
