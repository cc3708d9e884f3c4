package dev.ballast.core.fix;

import dev.ballast.core.doctor.PartitionRef;
import dev.ballast.core.doctor.Reassignment;
import java.util.ArrayList;
import java.util.List;

/**
 * The JSON files of Kafka's tools: {@code kafka-reassign-partitions.sh --reassignment-json-file}
 * (forward and rollback) and {@code kafka-leader-election.sh --path-to-json-file}, one partition
 * per line so a person can read and diff them.
 */
public final class ReassignmentJson {

  private ReassignmentJson() {}

  /** Returns the reassignment file moving each partition to its new replicas. */
  public static String forward(List<Reassignment> reassignments) {
    return file(reassignments, false);
  }

  /** Returns the reassignment file putting each partition back on its old replicas. */
  public static String rollback(List<Reassignment> reassignments) {
    return file(reassignments, true);
  }

  /** Returns {@code reassignments} cut into consecutive batches of at most {@code size}. */
  public static List<List<Reassignment>> batches(List<Reassignment> reassignments, int size) {
    if (size < 1) {
      throw new IllegalArgumentException("batch size must be >= 1, got " + size);
    }
    List<List<Reassignment>> out = new ArrayList<>();
    for (int i = 0; i < reassignments.size(); i += size) {
      out.add(List.copyOf(reassignments.subList(i, Math.min(reassignments.size(), i + size))));
    }
    return out;
  }

  /** Returns the {@code kafka-leader-election.sh --path-to-json-file} file for {@code parts}. */
  public static String election(List<PartitionRef> parts) {
    StringBuilder sb = new StringBuilder("{\"partitions\": [\n");
    for (int i = 0; i < parts.size(); i++) {
      PartitionRef p = parts.get(i);
      sb.append("  {\"topic\": ")
          .append(Shell.jsonString(p.topic()))
          .append(", \"partition\": ")
          .append(p.partition())
          .append(i == parts.size() - 1 ? "}\n" : "},\n");
    }
    return sb.append("]}\n").toString();
  }

  private static String file(List<Reassignment> reassignments, boolean rollback) {
    StringBuilder sb = new StringBuilder("{\"version\": 1, \"partitions\": [\n");
    for (int i = 0; i < reassignments.size(); i++) {
      Reassignment r = reassignments.get(i);
      List<Integer> replicas = rollback ? r.oldReplicas() : r.newReplicas();
      List<String> ids = new ArrayList<>();
      List<String> dirs = new ArrayList<>();
      for (Integer id : replicas) {
        ids.add(id.toString());
        dirs.add("\"any\"");
      }
      sb.append("  {\"topic\": ")
          .append(Shell.jsonString(r.topic()))
          .append(", \"partition\": ")
          .append(r.partition())
          .append(", \"replicas\": [")
          .append(String.join(", ", ids))
          .append("], \"log_dirs\": [")
          .append(String.join(", ", dirs))
          .append(i == reassignments.size() - 1 ? "]}\n" : "]},\n");
    }
    return sb.append("]}\n").toString();
  }
}
