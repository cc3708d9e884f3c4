package dev.ballast.kafka.exec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ballast.core.snapshot.StrictJson;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.TopicPartition;

/**
 * Reads and writes the reassignment JSON of {@code kafka-reassign-partitions.sh}: {@code
 * {"version":1,"partitions":[{"topic":..,"partition":..,"replicas":[..],"log_dirs":[..]}]}}.
 * Ballast's own plan files use the same format, so either is accepted.
 */
public final class ReassignmentJson {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private ReassignmentJson() {}

  /**
   * Returns the reassignments in {@code json}.
   *
   * @throws IllegalArgumentException naming the entry and what is wrong with it
   */
  public static List<Reassignment> parse(String json) {
    // Strict: a repeated key or trailing junk is an error, not "the last one wins".
    JsonNode root = StrictJson.read(json);
    if (root == null || !root.isObject() || !root.path("partitions").isArray()) {
      throw new IllegalArgumentException(
          "expected a reassignment JSON object with a \"partitions\" array, as kafka-reassign-partitions.sh writes");
    }
    JsonNode version = root.get("version");
    if (version != null && version.asInt(-1) != 1) {
      throw new IllegalArgumentException(
          "reassignment JSON version " + version + " is not supported (only 1)");
    }
    List<Reassignment> out = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    JsonNode parts = root.get("partitions");
    for (int i = 0; i < parts.size(); i++) {
      JsonNode p = parts.get(i);
      String where = "partitions[" + i + "]";
      if (!p.path("topic").isTextual() || p.path("topic").asText().isEmpty()) {
        throw new IllegalArgumentException(where + ": \"topic\" must be a non-empty string");
      }
      if (!p.path("partition").isInt() || p.path("partition").asInt() < 0) {
        throw new IllegalArgumentException(where + ": \"partition\" must be a number >= 0");
      }
      if (!p.path("replicas").isArray() || p.path("replicas").isEmpty()) {
        throw new IllegalArgumentException(
            where + ": \"replicas\" must be a non-empty array of broker ids");
      }
      List<Integer> replicas = new ArrayList<>();
      for (JsonNode r : p.get("replicas")) {
        if (!r.isInt() || r.asInt() < 0) {
          throw new IllegalArgumentException(where + ": replica " + r + " is not a broker id");
        }
        replicas.add(r.asInt());
      }
      String name = p.get("topic").asText() + "-" + p.get("partition").asInt();
      if (!seen.add(name)) {
        throw new IllegalArgumentException(where + ": " + name + " is listed twice");
      }
      JsonNode dirs = p.get("log_dirs");
      if (dirs != null && (!dirs.isArray() || dirs.size() != replicas.size())) {
        throw new IllegalArgumentException(
            where + ": \"log_dirs\" must have one entry per replica");
      }
      try {
        out.add(
            new Reassignment(
                p.get("topic").asText(),
                p.get("partition").asInt(),
                replicas,
                p.path("bytes").asLong(0)));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(where + ": " + e.getMessage());
      }
    }
    return out;
  }

  /**
   * Returns the {@code log_dirs} each partition of {@code json} asks for, by partition ({@code
   * "any"} for no choice); partitions without {@code log_dirs} are absent. The JSON must have
   * passed {@link #parse}.
   */
  public static Map<TopicPartition, List<String>> logDirs(String json) {
    Map<TopicPartition, List<String>> out = new HashMap<>();
    for (JsonNode p : StrictJson.read(json).get("partitions")) {
      JsonNode dirs = p.get("log_dirs");
      if (dirs != null && dirs.isArray()) {
        List<String> list = new ArrayList<>();
        dirs.forEach(d -> list.add(d.asText()));
        out.put(new TopicPartition(p.get("topic").asText(), p.get("partition").asInt()), list);
      }
    }
    return out;
  }

  /** Returns {@code reassignments} as Kafka's reassignment JSON, pretty-printed. */
  public static String write(List<Reassignment> reassignments) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("version", 1);
    ArrayNode parts = root.putArray("partitions");
    for (Reassignment r : reassignments) {
      ObjectNode p = parts.addObject();
      p.put("topic", r.topic());
      p.put("partition", r.partition());
      ArrayNode replicas = p.putArray("replicas");
      r.replicas().forEach(replicas::add);
      ArrayNode dirs = p.putArray("log_dirs");
      r.replicas().forEach(x -> dirs.add("any"));
    }
    try {
      return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
