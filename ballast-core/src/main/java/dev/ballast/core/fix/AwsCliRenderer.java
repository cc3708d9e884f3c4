package dev.ballast.core.fix;

import dev.ballast.core.doctor.Diagnosis;
import dev.ballast.core.doctor.ScaleOut;

/**
 * Renders step 1 of a capacity fix for Amazon MSK as a bash script of AWS CLI calls: read the
 * cluster's current version, {@code update-broker-count} to the new total, then poll {@code
 * describe-cluster-operation} until MSK has added the brokers.
 */
public final class AwsCliRenderer {

  private AwsCliRenderer() {}

  /** Returns the script for {@code diagnosis}. */
  public static String render(Diagnosis diagnosis, FixContext ctx) {
    StringBuilder sb = new StringBuilder("#!/usr/bin/env bash\n");
    ScaleOut so = diagnosis.fix().scaleOut();
    if (so == null) {
      sb.append("# Step 1 of the fix written by `ballast doctor`: nothing to change in MSK.\n");
      Headers.incidents(sb, diagnosis, "# ");
      sb.append("# No incident calls for more brokers");
      sb.append(
          diagnosis.fix().hasKafkaPart()
              ? "; the fix runs on Kafka itself: ballast doctor --format kafka-cli\n"
              : ".\n");
      return sb.toString();
    }
    int n = so.targetBrokers();
    sb.append("# Step 1 of the fix written by `ballast doctor`: grow the MSK cluster from ")
        .append(so.currentBrokers())
        .append(" to ")
        .append(n)
        .append(" brokers.\n");
    Headers.incidents(sb, diagnosis, "# ");
    sb.append("# Why ").append(n).append(": ").append(so.basis()).append(".\n");
    sb.append("# MSK needs the new total (not the number to add), a multiple of the ")
        .append(so.availabilityZones())
        .append(" availability zone(s).\n");
    sb.append("# MSK adds brokers but moves no partition onto them: run step 2\n");
    sb.append("# (ballast doctor --format kafka-cli) when this script has finished.\n");
    sb.append("set -euo pipefail\n\n");
    if (ctx.clusterArn() == null) {
      sb.append(
          "CLUSTER_ARN=\"${CLUSTER_ARN:?set CLUSTER_ARN to the ARN of the cluster, see: aws kafka list-clusters-v2}\"\n");
    } else {
      sb.append("CLUSTER_ARN=\"${CLUSTER_ARN:-").append(ctx.clusterArn()).append("}\"\n");
    }
    sb.append("TARGET=").append(n).append("\n\n");
    sb.append("BROKERS_NOW=\"$(aws kafka describe-cluster --cluster-arn \"$CLUSTER_ARN\"")
        .append(" --query 'ClusterInfo.NumberOfBrokerNodes' --output text)\"\n");
    sb.append("if [ \"$BROKERS_NOW\" -ge \"$TARGET\" ]; then\n");
    sb.append("  echo \"the cluster already has $BROKERS_NOW brokers; nothing to do\"\n");
    sb.append("  exit 0\n");
    sb.append("fi\n\n");
    sb.append("# update-broker-count needs the cluster's current version (an optimistic lock).\n");
    sb.append("CURRENT_VERSION=\"$(aws kafka describe-cluster --cluster-arn \"$CLUSTER_ARN\"")
        .append(" --query 'ClusterInfo.CurrentVersion' --output text)\"\n\n");
    sb.append("OPERATION_ARN=\"$(aws kafka update-broker-count \\\n");
    sb.append("  --cluster-arn \"$CLUSTER_ARN\" \\\n");
    sb.append("  --current-version \"$CURRENT_VERSION\" \\\n");
    sb.append("  --target-number-of-broker-nodes \"$TARGET\" \\\n");
    sb.append("  --query 'ClusterOperationArn' --output text)\"\n");
    sb.append("echo \"update-broker-count started: $OPERATION_ARN\"\n\n");
    sb.append("# Wait until MSK has added the brokers.\n");
    sb.append("while :; do\n");
    sb.append(
            "  STATE=\"$(aws kafka describe-cluster-operation --cluster-operation-arn \"$OPERATION_ARN\"")
        .append(" --query 'ClusterOperationInfo.OperationState' --output text)\"\n");
    sb.append("  echo \"$(date -u +%H:%M:%S) $STATE\"\n");
    sb.append("  case \"$STATE\" in\n");
    sb.append("    UPDATE_COMPLETE) break ;;\n");
    sb.append("    UPDATE_FAILED)\n");
    sb.append(
            "      aws kafka describe-cluster-operation --cluster-operation-arn \"$OPERATION_ARN\"")
        .append(" --query 'ClusterOperationInfo.ErrorInfo' >&2\n");
    sb.append("      exit 1 ;;\n");
    sb.append("  esac\n");
    sb.append("  sleep 60\n");
    sb.append("done\n");
    sb.append(
        "echo \"the cluster now has $TARGET brokers; run step 2: ballast doctor --format kafka-cli\"\n");
    return sb.toString();
  }
}
