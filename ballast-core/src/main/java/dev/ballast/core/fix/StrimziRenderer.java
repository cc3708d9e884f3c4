package dev.ballast.core.fix;

import dev.ballast.core.doctor.Diagnosis;
import dev.ballast.core.doctor.Fix;
import dev.ballast.core.doctor.ScaleOut;

/**
 * Renders a fix for Strimzi on Kubernetes: the broker KafkaNodePool's new replica count, and a
 * KafkaRebalance in {@code add-brokers} mode so Cruise Control moves partitions onto the new
 * brokers (or in the default full mode when only the balance is off).
 */
public final class StrimziRenderer {

  private StrimziRenderer() {}

  /** Returns the resources for {@code diagnosis}. */
  public static String render(Diagnosis diagnosis, FixContext ctx) {
    StringBuilder sb = new StringBuilder();
    Fix fix = diagnosis.fix();
    ScaleOut so = fix.scaleOut();
    String cluster = ctx.strimziCluster();
    String pool = ctx.strimziNodePool();
    if (so == null && fix.rebalance().isEmpty()) {
      sb.append("# The fix written by `ballast doctor`: nothing to change in Strimzi resources.\n");
      Headers.incidents(sb, diagnosis, "# ");
      sb.append(
          fix.hasKafkaPart()
              ? "# The fix runs on Kafka itself: ballast doctor --format kafka-cli\n"
              : "# No incident calls for more brokers or a rebalance.\n");
      return sb.toString();
    }
    if (so == null) {
      sb.append(
          "# The fix written by `ballast doctor`: rebalance the cluster with Cruise Control.\n");
      Headers.incidents(sb, diagnosis, "# ");
      sb.append(
          "# Cruise Control computes its own plan; Ballast's plan is in --format kafka-cli.\n");
      sb.append("# Needs spec.cruiseControl in the Kafka resource. Approve the proposal with:\n");
      sb.append(
          "#   kubectl annotate kafkarebalance ballast-rebalance strimzi.io/rebalance=approve\n");
      sb.append("apiVersion: kafka.strimzi.io/v1beta2\n");
      sb.append("kind: KafkaRebalance\n");
      sb.append("metadata:\n");
      sb.append("  name: ballast-rebalance\n");
      sb.append("  labels:\n");
      sb.append("    strimzi.io/cluster: ").append(cluster).append("\n");
      sb.append("spec: {}\n");
      return sb.toString();
    }
    sb.append("# The fix written by `ballast doctor`, for Strimzi.\n");
    Headers.incidents(sb, diagnosis, "# ");
    sb.append("#\n# Step 1: grow the broker node pool ")
        .append(pool)
        .append(" of Kafka cluster ")
        .append(cluster)
        .append(" from ")
        .append(so.currentBrokers())
        .append(" to ")
        .append(so.targetBrokers())
        .append(" brokers.\n");
    sb.append("# Why ").append(so.targetBrokers()).append(": ").append(so.basis()).append(".\n");
    sb.append("# This assumes the pool holds all ")
        .append(so.currentBrokers())
        .append(" brokers; with several broker pools, add ")
        .append(so.added())
        .append(" replicas to one of them.\n");
    sb.append("# Change spec.replicas in your manifest, or:\n");
    sb.append("#   kubectl patch kafkanodepool ")
        .append(pool)
        .append(" --type merge -p '{\"spec\":{\"replicas\":")
        .append(so.targetBrokers())
        .append("}}'\n");
    sb.append("apiVersion: kafka.strimzi.io/v1beta2\n");
    sb.append("kind: KafkaNodePool\n");
    sb.append("metadata:\n");
    sb.append("  name: ").append(pool).append("\n");
    sb.append("  labels:\n");
    sb.append("    strimzi.io/cluster: ").append(cluster).append("\n");
    sb.append("spec:\n");
    sb.append("  replicas: ")
        .append(so.targetBrokers())
        .append(" # was ")
        .append(so.currentBrokers())
        .append("\n");
    sb.append("  # ... roles, storage and the rest unchanged ...\n");
    sb.append("---\n");
    sb.append(
        "# Step 2: once the new brokers are ready, Cruise Control moves partitions onto them\n");
    sb.append("# (needs spec.cruiseControl in the Kafka resource). The ids are the ones Ballast\n");
    sb.append("# expects; compare with: kubectl get kafkanodepool ")
        .append(pool)
        .append(" -o jsonpath='{.status.nodeIds}'\n");
    sb.append("# Approve the proposal with:\n");
    sb.append(
        "#   kubectl annotate kafkarebalance ballast-add-brokers strimzi.io/rebalance=approve\n");
    sb.append("apiVersion: kafka.strimzi.io/v1beta2\n");
    sb.append("kind: KafkaRebalance\n");
    sb.append("metadata:\n");
    sb.append("  name: ballast-add-brokers\n");
    sb.append("  labels:\n");
    sb.append("    strimzi.io/cluster: ").append(cluster).append("\n");
    sb.append("spec:\n");
    sb.append("  mode: add-brokers\n");
    sb.append("  brokers: [")
        .append(String.join(", ", so.newBrokerIds().stream().map(String::valueOf).toList()))
        .append("]\n");
    return sb.toString();
  }
}
