package dev.ballast.core.fix;

import dev.ballast.core.doctor.Diagnosis;
import dev.ballast.core.doctor.Fix;
import dev.ballast.core.doctor.Incident;
import dev.ballast.core.doctor.Reassignment;
import dev.ballast.core.doctor.ScaleOut;
import dev.ballast.core.plan.Units;
import java.util.ArrayList;
import java.util.List;

/** Renders a diagnosis as a report for people: each incident in full, then the fix's steps. */
public final class TextRenderer {

  private TextRenderer() {}

  /** Returns the report for {@code diagnosis}. */
  public static String render(Diagnosis diagnosis, FixContext ctx) {
    StringBuilder sb = new StringBuilder();
    sb.append("Ballast doctor: ")
        .append(diagnosis.brokers())
        .append(" broker(s), ")
        .append(diagnosis.partitions())
        .append(" partition(s), ");
    if (diagnosis.incidents().isEmpty()) {
      sb.append("no incident.\n");
    } else {
      sb.append(diagnosis.incidents().size())
          .append(" incident(s), worst ")
          .append(diagnosis.worst().label())
          .append(".\n");
    }
    for (Incident i : diagnosis.incidents()) {
      sb.append("\n[")
          .append(i.severity().label())
          .append("] ")
          .append(i.id())
          .append(" (")
          .append(i.kind().label())
          .append(")\n");
      field(sb, "signal", List.of(i.signal()));
      field(sb, "evidence", i.evidence());
      field(sb, "root cause", List.of(i.rootCause()));
      field(sb, "remediation", List.of(i.remediation()));
    }
    List<String> steps = steps(diagnosis.fix(), ctx);
    if (!steps.isEmpty()) {
      sb.append("\nFix\n");
      for (String s : steps) {
        sb.append("  ").append(s).append("\n");
      }
    }
    if (!diagnosis.notes().isEmpty()) {
      sb.append("\nNotes\n");
      for (String n : diagnosis.notes()) {
        sb.append("  - ").append(n).append("\n");
      }
    }
    return sb.toString();
  }

  private static void field(StringBuilder sb, String name, List<String> lines) {
    for (int k = 0; k < lines.size(); k++) {
      sb.append(String.format("  %-12s %s\n", k == 0 ? name : "", lines.get(k)));
    }
  }

  private static List<String> steps(Fix fix, FixContext ctx) {
    List<String> out = new ArrayList<>();
    ScaleOut so = fix.scaleOut();
    if (so != null) {
      out.add(
          "1. grow the cluster from "
              + so.currentBrokers()
              + " to "
              + so.targetBrokers()
              + " brokers (new ids expected: "
              + Headers.ids(so.newBrokerIds())
              + ")   --format aws-cli | terraform | pulumi | strimzi");
    }
    if (!fix.rebalance().isEmpty()) {
      out.add(
          "2. rebalance"
              + (so != null ? " onto the new brokers" : "")
              + ": "
              + fix.rebalanceSummary()
              + "; "
              + batches(fix.rebalance(), ctx)
              + "   --format kafka-cli, or --apply");
    }
    if (!fix.preferredElection().isEmpty()) {
      out.add(
          "3. preferred leader election on "
              + fix.preferredElection().size()
              + " partition(s)   --format kafka-cli");
    }
    if (!fix.configChanges().isEmpty()) {
      out.add("4. change " + fix.configChanges().size() + " topic config(s)   --format kafka-cli");
    }
    if (!fix.replicationIncrease().isEmpty()) {
      long bytes = fix.replicationIncrease().stream().mapToLong(Reassignment::bytesToMove).sum();
      out.add(
          "5. add replicas to "
              + fix.replicationIncrease().size()
              + " RF=1 partition(s), "
              + Units.bytes(bytes)
              + " to copy; "
              + batches(fix.replicationIncrease(), ctx)
              + "   --format kafka-cli");
    }
    return out;
  }

  private static String batches(List<Reassignment> list, FixContext ctx) {
    int n = (list.size() + ctx.batchSize() - 1) / ctx.batchSize();
    return n + " batch(es) of at most " + ctx.batchSize() + " partitions";
  }
}
