package dev.ballast.core.snapshot;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ballast.core.model.Broker;
import dev.ballast.core.model.BrokerState;
import dev.ballast.core.model.Capacity;
import dev.ballast.core.model.ClusterModel;
import dev.ballast.core.model.Partition;
import dev.ballast.core.model.PartitionLoad;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Reads and writes snapshot JSON (version 1, see docs/SNAPSHOT.md). */
public final class SnapshotCodec {

  /** The snapshot format version this codec reads and writes. */
  public static final int VERSION = 1;

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Set<String> TOP = Set.of("version", "brokers", "partitions", "description");
  private static final Set<String> BROKER = Set.of("id", "rack", "state", "capacity");
  private static final Set<String> PARTITION =
      Set.of("topic", "partition", "replicas", "leader", "isr", "load");
  private static final Set<String> LOAD =
      Set.of("bytesInPerSec", "bytesOutPerSec", "messagesInPerSec", "sizeBytes");

  private SnapshotCodec() {}

  /** Returns the model in {@code json}, or throws {@link SnapshotFormatException}. */
  public static ClusterModel parse(String json) {
    try {
      return fromTree(StrictJson.read(json));
    } catch (SnapshotFormatException e) {
      throw e;
    } catch (IllegalArgumentException e) {
      throw new SnapshotFormatException(e.getMessage());
    }
  }

  /** Returns the model read from {@code reader}, or throws {@link SnapshotFormatException}. */
  public static ClusterModel parse(Reader reader) throws IOException {
    JsonNode root;
    try {
      root = StrictJson.read(reader);
    } catch (IllegalArgumentException e) {
      throw new SnapshotFormatException(e.getMessage());
    }
    return fromTree(root);
  }

  private static ClusterModel fromTree(JsonNode root) {
    if (root == null || !root.isObject()) {
      throw new SnapshotFormatException(
          "a snapshot must be a JSON object with brokers and partitions");
    }
    unknownFields(root, TOP, "the snapshot");
    JsonNode version = root.get("version");
    if (version != null && (!version.isInt() || version.intValue() != VERSION)) {
      throw new SnapshotFormatException(
          "snapshot version "
              + version
              + " is not supported (this Ballast reads version "
              + VERSION
              + ")");
    }
    List<Broker> brokers = new ArrayList<>();
    JsonNode bs = array(root, "brokers", "the snapshot");
    for (int i = 0; i < bs.size(); i++) {
      brokers.add(broker(bs.get(i), "brokers[" + i + "]"));
    }
    List<Partition> partitions = new ArrayList<>();
    JsonNode ps = array(root, "partitions", "the snapshot");
    for (int i = 0; i < ps.size(); i++) {
      partitions.add(partition(ps.get(i), "partitions[" + i + "]"));
    }
    try {
      return ClusterModel.of(brokers, partitions);
    } catch (IllegalArgumentException e) {
      throw new SnapshotFormatException(e.getMessage());
    }
  }

  private static Broker broker(JsonNode n, String where) {
    object(n, where);
    unknownFields(n, BROKER, where);
    int id = intField(n, "id", where, true, 0);
    String w = "broker " + id;
    JsonNode rack = n.get("rack");
    if (rack != null && !rack.isNull() && !rack.isTextual()) {
      throw new SnapshotFormatException(w + ": rack must be a string or null");
    }
    BrokerState state = BrokerState.ALIVE;
    JsonNode st = n.get("state");
    if (st != null) {
      try {
        state = BrokerState.valueOf(st.asText().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new SnapshotFormatException(
            w
                + ": unknown state '"
                + st.asText()
                + "' (states: alive,new,draining,dead,slow,excluded)");
      }
    }
    Capacity capacity = null;
    JsonNode cap = n.get("capacity");
    if (cap != null && !cap.isNull()) {
      object(cap, w + " capacity");
      try {
        capacity =
            new Capacity(
                number(cap, "bytesInPerSec", w + " capacity", Double.POSITIVE_INFINITY),
                number(cap, "bytesOutPerSec", w + " capacity", Double.POSITIVE_INFINITY));
      } catch (SnapshotFormatException e) {
        throw e;
      } catch (IllegalArgumentException e) {
        throw new SnapshotFormatException(w + ": " + e.getMessage());
      }
    }
    try {
      return new Broker(id, rack == null || rack.isNull() ? null : rack.asText(), state, capacity);
    } catch (IllegalArgumentException e) {
      throw new SnapshotFormatException(where + ": " + e.getMessage());
    }
  }

  private static Partition partition(JsonNode n, String where) {
    object(n, where);
    unknownFields(n, PARTITION, where);
    JsonNode topic = n.get("topic");
    if (topic == null || !topic.isTextual() || topic.asText().isEmpty()) {
      throw new SnapshotFormatException(where + ": topic must be a non-empty string");
    }
    int number = intField(n, "partition", where, true, 0);
    String w = topic.asText() + "-" + number;
    List<Integer> replicas = ids(n, "replicas", w, null);
    if (replicas.isEmpty()) {
      throw new SnapshotFormatException(w + ": replicas must list at least one broker id");
    }
    int leader = intField(n, "leader", w, false, replicas.get(0));
    List<Integer> isr = ids(n, "isr", w, replicas);
    PartitionLoad load = PartitionLoad.ZERO;
    JsonNode l = n.get("load");
    if (l != null) {
      object(l, w + " load");
      unknownFields(l, LOAD, w + " load");
      try {
        load =
            new PartitionLoad(
                number(l, "bytesInPerSec", w + " load", 0),
                number(l, "bytesOutPerSec", w + " load", 0),
                number(l, "messagesInPerSec", w + " load", 0),
                longField(l, "sizeBytes", w + " load"));
      } catch (SnapshotFormatException e) {
        throw e;
      } catch (IllegalArgumentException e) {
        throw new SnapshotFormatException(w + ": " + e.getMessage());
      }
    }
    try {
      return new Partition(topic.asText(), number, replicas, leader, isr, load);
    } catch (IllegalArgumentException e) {
      throw new SnapshotFormatException(e.getMessage());
    }
  }

  private static void object(JsonNode n, String where) {
    if (n == null || !n.isObject()) {
      throw new SnapshotFormatException(where + " must be a JSON object");
    }
  }

  private static JsonNode array(JsonNode n, String field, String where) {
    JsonNode a = n.get(field);
    if (a == null || !a.isArray()) {
      throw new SnapshotFormatException(where + " needs a '" + field + "' array");
    }
    return a;
  }

  private static void unknownFields(JsonNode n, Set<String> known, String where) {
    Iterator<String> it = n.fieldNames();
    while (it.hasNext()) {
      String f = it.next();
      if (!known.contains(f)) {
        throw new SnapshotFormatException(
            where
                + ": unknown field '"
                + f
                + "' (fields: "
                + String.join(",", new java.util.TreeSet<>(known))
                + ")");
      }
    }
  }

  private static int intField(JsonNode n, String field, String where, boolean required, int dflt) {
    JsonNode v = n.get(field);
    if (v == null || v.isNull()) {
      if (required) {
        throw new SnapshotFormatException(where + ": missing '" + field + "'");
      }
      return dflt;
    }
    if (!v.canConvertToInt() || !v.isIntegralNumber()) {
      throw new SnapshotFormatException(where + ": '" + field + "' must be an integer, got " + v);
    }
    return v.intValue();
  }

  private static double number(JsonNode n, String field, String where, double dflt) {
    JsonNode v = n.get(field);
    if (v == null || v.isNull()) {
      return dflt;
    }
    if (!v.isNumber()) {
      throw new SnapshotFormatException(where + ": '" + field + "' must be a number, got " + v);
    }
    if (!Double.isFinite(v.doubleValue())) {
      throw new SnapshotFormatException(
          where + ": '" + field + "' is too large a number (" + v.asText() + ")");
    }
    return v.doubleValue();
  }

  private static long longField(JsonNode n, String field, String where) {
    JsonNode v = n.get(field);
    if (v == null || v.isNull()) {
      return 0;
    }
    if (!v.isNumber()) {
      throw new SnapshotFormatException(where + ": '" + field + "' must be a number, got " + v);
    }
    if (v.isIntegralNumber() && v.canConvertToLong()) {
      return v.longValue();
    }
    double d = v.doubleValue();
    if (Double.isFinite(d) && d == Math.rint(d) && Math.abs(d) < 0x1p63) {
      return (long) d;
    }
    throw new SnapshotFormatException(
        where
            + ": '"
            + field
            + "' must be a whole number of bytes up to "
            + Long.MAX_VALUE
            + ", got "
            + v.asText());
  }

  private static List<Integer> ids(JsonNode n, String field, String where, List<Integer> dflt) {
    JsonNode v = n.get(field);
    if (v == null || v.isNull()) {
      if (dflt == null) {
        throw new SnapshotFormatException(where + ": missing '" + field + "'");
      }
      return dflt;
    }
    if (!v.isArray()) {
      throw new SnapshotFormatException(where + ": '" + field + "' must be an array of broker ids");
    }
    List<Integer> out = new ArrayList<>();
    for (JsonNode x : v) {
      if (!x.isIntegralNumber() || !x.canConvertToInt()) {
        throw new SnapshotFormatException(
            where + ": '" + field + "' must hold broker ids (integers), got " + x);
      }
      out.add(x.intValue());
    }
    return out;
  }

  /** Returns {@code model} as pretty-printed snapshot JSON. */
  public static String write(ClusterModel model) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("version", VERSION);
    ArrayNode bs = root.putArray("brokers");
    for (Broker b : model.brokers()) {
      ObjectNode o = bs.addObject();
      o.put("id", b.id());
      if (b.rack() != null) {
        o.put("rack", b.rack());
      }
      o.put("state", b.state().label());
      if (b.capacity() != null) {
        ObjectNode c = o.putObject("capacity");
        // An infinite limit is written as no limit (JSON has no infinity).
        if (Double.isFinite(b.capacity().bytesInPerSec())) {
          c.put("bytesInPerSec", b.capacity().bytesInPerSec());
        }
        if (Double.isFinite(b.capacity().bytesOutPerSec())) {
          c.put("bytesOutPerSec", b.capacity().bytesOutPerSec());
        }
      }
    }
    ArrayNode ps = root.putArray("partitions");
    for (Partition p : model.partitions()) {
      ObjectNode o = ps.addObject();
      o.put("topic", p.topic());
      o.put("partition", p.partition());
      ArrayNode r = o.putArray("replicas");
      p.replicas().forEach(r::add);
      o.put("leader", p.leader());
      ArrayNode isr = o.putArray("isr");
      p.isr().forEach(isr::add);
      ObjectNode l = o.putObject("load");
      l.put("bytesInPerSec", p.load().bytesInPerSec());
      l.put("bytesOutPerSec", p.load().bytesOutPerSec());
      l.put("messagesInPerSec", p.load().messagesInPerSec());
      l.put("sizeBytes", p.load().sizeBytes());
    }
    try {
      return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write snapshot JSON", e);
    }
  }
}
