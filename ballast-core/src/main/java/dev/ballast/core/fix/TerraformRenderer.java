package dev.ballast.core.fix;

import dev.ballast.core.doctor.Diagnosis;
import dev.ballast.core.doctor.ScaleOut;

/**
 * Renders step 1 of a capacity fix as a diff of an {@code aws_msk_cluster} resource that changes
 * only {@code number_of_broker_nodes}; it warns against touching {@code client_subnets}, which
 * makes Terraform replace the cluster and lose its data.
 */
public final class TerraformRenderer {

  private TerraformRenderer() {}

  /** Returns the diff for {@code diagnosis}. */
  public static String render(Diagnosis diagnosis, FixContext ctx) {
    StringBuilder sb = new StringBuilder();
    ScaleOut so = diagnosis.fix().scaleOut();
    if (so == null) {
      sb.append(
          "# Step 1 of the fix written by `ballast doctor`: nothing to change in Terraform.\n");
      Headers.incidents(sb, diagnosis, "# ");
      sb.append("# No incident calls for more brokers.\n");
      return sb.toString();
    }
    String resource = ctx.terraformResource();
    sb.append("# Step 1 of the fix written by `ballast doctor`: grow the MSK cluster from ")
        .append(so.currentBrokers())
        .append(" to ")
        .append(so.targetBrokers())
        .append(" brokers.\n");
    Headers.incidents(sb, diagnosis, "# ");
    sb.append("# Why ").append(so.targetBrokers()).append(": ").append(so.basis()).append(".\n");
    sb.append("#\n");
    sb.append("# Change only number_of_broker_nodes (a multiple of the ")
        .append(so.availabilityZones())
        .append(" zone(s) in client_subnets).\n");
    sb.append(
        "# Never change broker_node_group_info.client_subnets: Terraform would destroy and\n");
    sb.append("# re-create the cluster, and its data with it. `terraform plan` must say\n");
    sb.append("# \"1 to change, 0 to destroy\" with number_of_broker_nodes: ")
        .append(so.currentBrokers())
        .append(" -> ")
        .append(so.targetBrokers())
        .append(" and nothing else.\n");
    sb.append("# Then run step 2 (ballast doctor --format kafka-cli): new brokers start empty.\n");
    sb.append(" resource \"aws_msk_cluster\" \"").append(resource).append("\" {\n");
    sb.append("   # ... unchanged ...\n");
    sb.append("-  number_of_broker_nodes = ").append(so.currentBrokers()).append("\n");
    sb.append("+  number_of_broker_nodes = ").append(so.targetBrokers()).append("\n");
    sb.append("   # ... unchanged, broker_node_group_info.client_subnets above all ...\n");
    sb.append(" }\n");
    return sb.toString();
  }
}
