package dev.ballast.kafka.exec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;

/**
 * The journal's record format: keys {@code move/<topic>/<partition>} and {@code
 * throttle/<BROKER|TOPIC>/<name>}, values small JSON documents. Pure; no I/O.
 */
final class JournalCodec {

  static final String MOVE = "move/";
  static final String THROTTLE = "throttle/";
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private JournalCodec() {}

  static String key(TopicPartition tp) {
    return MOVE + tp.topic() + "/" + tp.partition();
  }

  static String key(ConfigResource r) {
    return THROTTLE + r.type().name() + "/" + r.name();
  }

  static TopicPartition partitionOf(String key) {
    int slash = key.lastIndexOf('/');
    if (!key.startsWith(MOVE) || slash <= MOVE.length()) {
      throw new IllegalArgumentException("not a move key: " + key);
    }
    return new TopicPartition(
        key.substring(MOVE.length(), slash), Integer.parseInt(key.substring(slash + 1)));
  }

  static ConfigResource resourceOf(String key) {
    int slash = key.indexOf('/', THROTTLE.length());
    if (!key.startsWith(THROTTLE) || slash < 0) {
      throw new IllegalArgumentException("not a journal key: " + key);
    }
    return new ConfigResource(
        ConfigResource.Type.valueOf(key.substring(THROTTLE.length(), slash)),
        key.substring(slash + 1));
  }

  static String encode(JournaledMove m) {
    ObjectNode n = MAPPER.createObjectNode();
    n.put("kind", "move");
    n.put("topic", m.topic());
    n.put("partition", m.partition());
    m.before().forEach(n.putArray("before")::add);
    m.target().forEach(n.putArray("target")::add);
    n.put("owner", m.owner());
    return n.toString();
  }

  static String encode(JournaledThrottle t) {
    ObjectNode n = MAPPER.createObjectNode();
    n.put("kind", "throttle");
    n.put("type", t.resource().type().name());
    n.put("name", t.resource().name());
    ObjectNode set = n.putObject("set");
    new TreeMap<>(t.set()).forEach(set::put);
    ObjectNode previous = n.putObject("previous");
    new TreeMap<>(t.previous()).forEach(previous::put);
    if (!t.earlier().isEmpty()) {
      ObjectNode earlier = n.putObject("earlier");
      new TreeMap<>(t.earlier()).forEach(earlier::put);
    }
    return n.toString();
  }

  /**
   * Returns the {@link JournaledMove} or {@link JournaledThrottle} in {@code json}.
   *
   * @throws IllegalArgumentException when it is neither, saying why
   */
  static Object decode(String json) {
    JsonNode n;
    try {
      n = MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage());
    }
    String kind = n == null ? "" : n.path("kind").asText();
    return switch (kind) {
      case "move" ->
          new JournaledMove(
              text(n, "topic"),
              n.path("partition").asInt(),
              ints(n.path("before")),
              ints(n.path("target")),
              n.path("owner").asText("unknown"));
      case "throttle" ->
          new JournaledThrottle(
              new ConfigResource(ConfigResource.Type.valueOf(text(n, "type")), text(n, "name")),
              strings(n.path("set")),
              strings(n.path("previous")),
              strings(n.path("earlier")));
      default -> throw new IllegalArgumentException("unknown record kind '" + kind + "'");
    };
  }

  private static String text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    if (v == null || !v.isTextual()) {
      throw new IllegalArgumentException("field '" + field + "' is missing");
    }
    return v.asText();
  }

  private static List<Integer> ints(JsonNode array) {
    List<Integer> out = new ArrayList<>();
    array.forEach(v -> out.add(v.asInt()));
    return out;
  }

  private static Map<String, String> strings(JsonNode object) {
    Map<String, String> out = new TreeMap<>();
    object.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
    return out;
  }
}
