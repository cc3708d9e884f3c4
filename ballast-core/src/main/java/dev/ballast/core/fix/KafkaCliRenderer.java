package dev.ballast.core.fix;

import dev.ballast.core.doctor.ConfigChange;
import dev.ballast.core.doctor.Diagnosis;
import dev.ballast.core.doctor.Fix;
import dev.ballast.core.doctor.Reassignment;
import dev.ballast.core.doctor.ScaleOut;
import dev.ballast.core.plan.Units;
import java.util.List;
import java.util.Locale;

/**
 * Renders the Kafka part of a fix (steps 2 to 5) as a bash script of Kafka's own tools:
 * reassignments in batches with a throttle, each awaited with {@code --verify} (which also removes
 * the throttle), with a rollback file per batch and the {@code --cancel} command; then a preferred
 * leader election, topic config changes, and replica additions.
 */
public final class KafkaCliRenderer {

  private KafkaCliRenderer() {}

  /** Returns the script for {@code diagnosis}. */
  public static String render(Diagnosis diagnosis, FixContext ctx) {
    Fix fix = diagnosis.fix();
    StringBuilder sb = new StringBuilder();
    sb.append("#!/usr/bin/env bash\n");
    sb.append("# The Kafka part of the fix written by `ballast doctor`.\n");
    Headers.incidents(sb, diagnosis, "# ");
    if (!fix.hasKafkaPart()) {
      sb.append("#\n# Nothing to run on Kafka: no incident calls for a reassignment, a leader\n");
      sb.append("# election or a config change.\n");
      return sb.toString();
    }
    sb.append(
        "#\n# Needs Kafka's tools on PATH (kafka-reassign-partitions.sh, kafka-leader-election.sh,\n");
    sb.append("# kafka-configs.sh). Read it before running it: every step says what it changes.\n");
    sb.append("set -euo pipefail\n\n");
    if (ctx.bootstrapServers() == null) {
      sb.append("BOOTSTRAP=\"${BOOTSTRAP:?set BOOTSTRAP to host:port of a broker}\"\n");
    } else {
      sb.append("BOOTSTRAP=\"${BOOTSTRAP:-").append(ctx.bootstrapServers()).append("}\"\n");
    }
    sb.append(
        "# Replication throttle (bytes/s) while replicas are copied; --verify removes it when a\n");
    sb.append("# batch completes.\n");
    sb.append("THROTTLE=\"${THROTTLE:-")
        .append(ctx.throttleBytesPerSec())
        .append("}\" # ")
        .append(Units.bytes(ctx.throttleBytesPerSec()))
        .append("/s\n");
    if (ctx.commandConfig() == null) {
      sb.append("CONNECTION=(--bootstrap-server \"$BOOTSTRAP\")\n");
      sb.append("ELECTION_CONNECTION=(--bootstrap-server \"$BOOTSTRAP\")\n");
    } else {
      String cfg = Shell.quote(ctx.commandConfig());
      sb.append("CONNECTION=(--bootstrap-server \"$BOOTSTRAP\" --command-config ")
          .append(cfg)
          .append(")\n");
      sb.append("ELECTION_CONNECTION=(--bootstrap-server \"$BOOTSTRAP\" --admin.config ")
          .append(cfg)
          .append(")\n");
    }
    sb.append("\n");
    sb.append("# Polls --verify until no partition of the batch is still moving.\n");
    sb.append("wait_for_reassignment() {\n");
    sb.append("  local out\n");
    sb.append("  while :; do\n");
    sb.append(
        "    out=\"$(kafka-reassign-partitions.sh \"${CONNECTION[@]}\" --reassignment-json-file \"$1\" --verify)\"\n");
    sb.append("    echo \"$out\"\n");
    sb.append("    case \"$out\" in\n");
    sb.append("      *\"still in progress\"*) sleep 10 ;;\n");
    sb.append("      *) return 0 ;;\n");
    sb.append("    esac\n");
    sb.append("  done\n");
    sb.append("}\n");

    ScaleOut so = fix.scaleOut();
    if (so != null) {
      sb.append("\n# Step 1 is not in this script: grow the cluster from ")
          .append(so.currentBrokers())
          .append(" to ")
          .append(so.targetBrokers())
          .append(" brokers first\n");
      sb.append(
          "# (ballast doctor --format aws-cli | terraform | pulumi | strimzi). The reassignments\n");
      sb.append("# below expect the new brokers to have ids ")
          .append(Headers.ids(so.newBrokerIds()))
          .append("; Kafka rejects them while those brokers\n");
      sb.append("# do not exist. If the new brokers got other ids, run the doctor again.\n");
    }
    if (!fix.rebalance().isEmpty()) {
      reassignSteps(
          sb, "Step 2: rebalance", fix.rebalanceSummary(), "reassign", fix.rebalance(), ctx);
    }
    if (!fix.preferredElection().isEmpty()) {
      sb.append("\n# Step 3: preferred leader election on ")
          .append(fix.preferredElection().size())
          .append(" partition(s), so each is led by the first broker of its replica list.\n");
      sb.append("cat > ballast-elect.json <<'JSON'\n")
          .append(ReassignmentJson.election(fix.preferredElection()))
          .append("JSON\n");
      sb.append("kafka-leader-election.sh \"${ELECTION_CONNECTION[@]}\" --election-type PREFERRED")
          .append(" --path-to-json-file ballast-elect.json\n");
    }
    if (!fix.configChanges().isEmpty()) {
      sb.append("\n# Step 4: topic configs.\n");
      for (ConfigChange c : fix.configChanges()) {
        sb.append("# ")
            .append(c.topic())
            .append(": ")
            .append(c.key())
            .append(" ")
            .append(c.currentValue())
            .append(" -> ")
            .append(c.newValue())
            .append("\n");
        sb.append(
                "kafka-configs.sh \"${CONNECTION[@]}\" --alter --entity-type topics --entity-name ")
            .append(Shell.quote(c.topic()))
            .append(" --add-config ")
            .append(Shell.quote(c.key() + "=" + c.newValue()))
            .append("\n");
      }
    }
    if (!fix.replicationIncrease().isEmpty()) {
      long bytes = fix.replicationIncrease().stream().mapToLong(Reassignment::bytesToMove).sum();
      reassignSteps(
          sb,
          "Step 5: add replicas to RF=1 partitions (delete this step for topics that are meant to"
              + " be disposable)",
          fix.replicationIncrease().size() + " partition(s), " + Units.bytes(bytes) + " to copy",
          "replicas",
          fix.replicationIncrease(),
          ctx);
    }
    return sb.toString();
  }

  private static void reassignSteps(
      StringBuilder sb,
      String title,
      String summary,
      String prefix,
      List<Reassignment> all,
      FixContext ctx) {
    List<List<Reassignment>> batches = ReassignmentJson.batches(all, ctx.batchSize());
    sb.append("\n# ").append(title).append(":\n");
    sb.append("# ").append(summary).append(".\n");
    sb.append(
        String.format(
            Locale.ROOT,
            "# %d batch(es) of at most %d partitions, one after the other.\n",
            batches.size(),
            ctx.batchSize()));
    sb.append("# Stop a running batch N:  kafka-reassign-partitions.sh \"${CONNECTION[@]}\"")
        .append(" --reassignment-json-file ballast-")
        .append(prefix)
        .append("-N.json --cancel\n");
    sb.append("# Undo a finished batch N: kafka-reassign-partitions.sh \"${CONNECTION[@]}\"")
        .append(" --reassignment-json-file ballast-")
        .append(prefix)
        .append("-N-rollback.json --execute --throttle \"$THROTTLE\"\n");
    for (int i = 0; i < batches.size(); i++) {
      List<Reassignment> batch = batches.get(i);
      long bytes = batch.stream().mapToLong(Reassignment::bytesToMove).sum();
      String file = "ballast-" + prefix + "-" + (i + 1) + ".json";
      String rollback = "ballast-" + prefix + "-" + (i + 1) + "-rollback.json";
      sb.append(
          String.format(
              Locale.ROOT,
              "\n# Batch %d/%d: %d partition(s), %s to copy.\n",
              i + 1,
              batches.size(),
              batch.size(),
              Units.bytes(bytes)));
      sb.append("cat > ")
          .append(file)
          .append(" <<'JSON'\n")
          .append(ReassignmentJson.forward(batch))
          .append("JSON\n");
      sb.append("cat > ")
          .append(rollback)
          .append(" <<'JSON'\n")
          .append(ReassignmentJson.rollback(batch))
          .append("JSON\n");
      sb.append("kafka-reassign-partitions.sh \"${CONNECTION[@]}\" --reassignment-json-file ")
          .append(file)
          .append(" --execute --throttle \"$THROTTLE\"\n");
      sb.append("wait_for_reassignment ").append(file).append("\n");
    }
  }
}
