package dev.ballast.core.fix;

import dev.ballast.core.doctor.Diagnosis;
import dev.ballast.core.doctor.ScaleOut;

/**
 * Renders step 1 of a capacity fix as a diff of a Pulumi TypeScript {@code aws.msk.Cluster} that
 * changes only {@code numberOfBrokerNodes}.
 */
public final class PulumiRenderer {

  private PulumiRenderer() {}

  /** Returns the diff for {@code diagnosis}. */
  public static String render(Diagnosis diagnosis, FixContext ctx) {
    StringBuilder sb = new StringBuilder();
    ScaleOut so = diagnosis.fix().scaleOut();
    if (so == null) {
      sb.append("// Step 1 of the fix written by `ballast doctor`: nothing to change in Pulumi.\n");
      Headers.incidents(sb, diagnosis, "// ");
      sb.append("// No incident calls for more brokers.\n");
      return sb.toString();
    }
    sb.append("// Step 1 of the fix written by `ballast doctor`: grow the MSK cluster from ")
        .append(so.currentBrokers())
        .append(" to ")
        .append(so.targetBrokers())
        .append(" brokers.\n");
    Headers.incidents(sb, diagnosis, "// ");
    sb.append("// Why ").append(so.targetBrokers()).append(": ").append(so.basis()).append(".\n");
    sb.append("//\n");
    sb.append("// Change only numberOfBrokerNodes (a multiple of the ")
        .append(so.availabilityZones())
        .append(" zone(s) in clientSubnets).\n");
    sb.append(
        "// Never change brokerNodeGroupInfo.clientSubnets: Pulumi would replace the cluster\n");
    sb.append("// and its data would be lost. `pulumi preview` must show \"~ update\" of\n");
    sb.append("// numberOfBrokerNodes only, never \"+-replace\".\n");
    sb.append("// Then run step 2 (ballast doctor --format kafka-cli): new brokers start empty.\n");
    sb.append(" const ")
        .append(identifier(ctx.pulumiResource()))
        .append(" = new aws.msk.Cluster(")
        .append(Shell.jsonString(ctx.pulumiResource()))
        .append(", {\n");
    sb.append("     // ... unchanged ...\n");
    sb.append("-    numberOfBrokerNodes: ").append(so.currentBrokers()).append(",\n");
    sb.append("+    numberOfBrokerNodes: ").append(so.targetBrokers()).append(",\n");
    sb.append("     // ... unchanged, brokerNodeGroupInfo.clientSubnets above all ...\n");
    sb.append(" });\n");
    return sb.toString();
  }

  /** Returns {@code name} as a TypeScript identifier ("my-cluster" becomes "myCluster"). */
  static String identifier(String name) {
    StringBuilder sb = new StringBuilder();
    boolean upper = false;
    for (char c : name.toCharArray()) {
      if (Character.isLetterOrDigit(c) || c == '_' || c == '$') {
        sb.append(upper ? Character.toUpperCase(c) : c);
        upper = false;
      } else {
        upper = sb.length() > 0;
      }
    }
    if (sb.length() == 0 || Character.isDigit(sb.charAt(0))) {
      sb.insert(0, "cluster");
    }
    return sb.toString();
  }
}
