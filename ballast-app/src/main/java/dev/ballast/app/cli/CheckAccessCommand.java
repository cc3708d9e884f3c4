package dev.ballast.app.cli;

import dev.ballast.kafka.Admins;
import dev.ballast.kafka.ClientSettings;
import dev.ballast.kafka.access.AccessCheck;
import dev.ballast.kafka.access.AccessCheck.Status;
import dev.ballast.kafka.access.AccessChecker;
import dev.ballast.kafka.access.AccessChecks;
import dev.ballast.kafka.access.Requirement;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.admin.Admin;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Lists the permissions Ballast needs and whether the connecting principal has each. */
@Command(
    name = "check-access",
    mixinStandardHelpOptions = true,
    description = {
      "Lists the permissions Ballast needs and whether this principal has each.",
      "",
      "The permissions: describe the cluster and topics, describe and alter configs, alter",
      "partition reassignments, create and write the canary topic, describe consumer groups.",
      "Whether the principal of --command-config has each comes from the operations the cluster",
      "reports as authorized; the probes change nothing. Prints the kafka-acls.sh grant for each",
      "missing one. Exit code 0 when none is missing, 4 otherwise (see docs/SECURITY.md)."
    },
    footer = {
      "",
      "Examples:",
      "  ballast check-access --bootstrap-server broker:9092 --command-config client.properties"
    })
public final class CheckAccessCommand implements Callable<Integer> {

  @Mixin VerboseOption verbose;
  @Mixin ConnectionOptions connection;
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    ClientSettings settings = connection.settings();
    String principal = AccessErrors.principal(connection.commandConfig);
    List<AccessCheck> checks;
    try (Admin admin = Admins.create(settings, connection.timeout())) {
      checks = AccessChecks.calculate(new AccessChecker(admin, connection.timeout()).observe());
    }
    PrintWriter out = spec.commandLine().getOut();
    out.printf(
        "access of %s to %s, as the cluster reports it:%n%n",
        principal, settings.bootstrapServers());
    Table table = new Table("status", "permission", "Ballast needs it to", "detail");
    for (AccessCheck c : checks) {
      table.row(
          label(c.status()),
          c.requirement().permission().describe(),
          c.requirement().purpose(),
          c.detail().isEmpty() ? "-" : c.detail());
    }
    table.print(out);
    List<AccessCheck> missing = AccessChecks.withStatus(checks, Status.MISSING);
    List<AccessCheck> unknown = AccessChecks.withStatus(checks, Status.UNKNOWN);
    if (missing.isEmpty()) {
      out.println();
      out.printf(
          "every permission Ballast needs is present%s%n",
          unknown.isEmpty()
              ? ""
              : " (" + unknown.size() + " could not be checked yet: see detail)");
      out.flush();
      return 0;
    }
    printGrants(out, missing, principal, settings.bootstrapServers());
    throw new UserException(
        "principal "
            + principal
            + " lacks "
            + missing.size()
            + " of "
            + checks.size()
            + " permissions Ballast needs, first "
            + missing.get(0).requirement().permission().describe()
            + " (grant them with the kafka-acls.sh commands above)",
        AccessErrors.ACCESS);
  }

  private static void printGrants(
      PrintWriter out, List<AccessCheck> missing, String principal, String bootstrap) {
    String who = principal.startsWith("User:") ? principal : "'User:<principal>'";
    out.println();
    out.println("to grant what is missing, run as a super user:");
    for (AccessCheck c : missing) {
      out.println(
          "  kafka-acls.sh --bootstrap-server "
              + bootstrap
              + " --command-config ADMIN.properties "
              + c.requirement().permission().aclCommand(who));
    }
    if (missing.stream().map(AccessCheck::requirement).anyMatch(r -> r.alternative() != null)) {
      out.println(
          "or run Ballast with "
              + Requirement.CREATE_CANARY.alternative()
              + " to do without the canary topic (no slow-broker detection)");
    }
    out.flush();
  }

  private static String label(Status status) {
    return switch (status) {
      case PRESENT -> "ok";
      case MISSING -> "MISSING";
      case UNKNOWN -> "unchecked";
    };
  }
}
