package dev.ballast.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ballast.embedded.ClusterSecurity;
import dev.ballast.embedded.ClusterSpec;
import dev.ballast.embedded.EmbeddedKafkaCluster;
import dev.ballast.kafka.AdminCalls;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The commands through {@code --command-config} on a SASL/SCRAM cluster with ACLs: the super user
 * works; a principal without ACLs gets one line naming what to grant, exit 4, within seconds.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SaslAccessIT {

  /** Far below the 600 s a refused balance used to loop; generous for a loaded machine. */
  private static final long FAST_NANOS = Duration.ofSeconds(45).toNanos();

  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private EmbeddedKafkaCluster cluster;
  private Admin admin;
  private String bootstrap;
  private String adminConfig;
  private String guestConfig;
  @TempDir Path dir;

  @BeforeAll
  void start() {
    cluster =
        EmbeddedKafkaCluster.start(
            ClusterSpec.ofBrokers(2).withSecurity(ClusterSecurity.SASL_SCRAM));
    bootstrap = cluster.bootstrapServers();
    adminConfig = cluster.clientConfigFiles().get("admin").toString();
    guestConfig = cluster.clientConfigFiles().get("guest").toString();
    Properties p = new Properties();
    p.putAll(cluster.clientProperties());
    p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    admin = Admin.create(p);
    AdminCalls.get(
        admin.createTopics(List.of(new NewTopic("orders", 2, (short) 2))).all(),
        TIMEOUT,
        "create orders");
  }

  @AfterAll
  void stop() {
    if (admin != null) {
      admin.close();
    }
    if (cluster != null) {
      cluster.close();
    }
  }

  @Order(1)
  @Test
  void theSuperUserRunsTheCommandsThroughCommandConfig() {
    CliRun describe = run("cluster", "describe", "--command-config", adminConfig);
    assertThat(describe.exitCode()).as(describe.err()).isZero();
    assertThat(describe.out()).contains("2 broker(s), 1 topic(s)").contains("orders");

    CliRun access = run("check-access", "--command-config", adminConfig);
    assertThat(access.exitCode()).as(access.err()).isZero();
    assertThat(access.out())
        .contains("access of User:admin")
        .contains("every permission Ballast needs is present")
        .doesNotContain("MISSING");

    CliRun balance =
        run(
            "balance",
            "--once",
            "--dry-run",
            "--interval",
            "1s",
            "--samples",
            "2",
            "--command-config",
            adminConfig);
    assertThat(balance.exitCode()).as(balance.out() + balance.err()).isZero();
  }

  @Order(2)
  @Test
  void aPrincipalWithoutAclsIsRefusedByBalanceInOneLineWithinSeconds() {
    long start = System.nanoTime();
    CliRun run =
        run("balance", "--once", "--dry-run", "--interval", "1s", "--command-config", guestConfig);

    assertThat(System.nanoTime() - start).isLessThan(FAST_NANOS);
    assertThat(run.exitCode()).isEqualTo(4);
    assertThat(run.err().lines()).hasSize(1);
    assertThat(run.err())
        .startsWith("ballast: principal User:guest is not authorized to ")
        .contains("on topic __ballast_canary, or run with --no-canary");

    CliRun noCanary =
        run(
            "balance",
            "--once",
            "--dry-run",
            "--no-canary",
            "--interval",
            "1s",
            "--command-config",
            guestConfig);
    assertThat(noCanary.exitCode()).isEqualTo(4);
    assertThat(noCanary.err())
        .isEqualTo(
            "ballast: principal User:guest is not authorized to see any topic: grant DESCRIBE on"
                + " the topics (or topic *)\n");
  }

  @Order(3)
  @Test
  void aPrincipalWithoutAclsIsToldTopicsAreHiddenNotThatThereAreNone() {
    long start = System.nanoTime();
    CliRun run = run("cluster", "describe", "--command-config", guestConfig);

    assertThat(System.nanoTime() - start).isLessThan(FAST_NANOS);
    assertThat(run.exitCode()).isEqualTo(4);
    assertThat(run.out()).contains("2 broker(s), 0 topic(s)").doesNotContain("\nno topics\n");
    assertThat(run.err())
        .startsWith(
            "ballast: no topics visible to principal User:guest: DESCRIBE on topics may be"
                + " missing");
  }

  @Order(4)
  @Test
  void checkAccessListsWhatIsMissingAndHowToGrantIt() {
    CliRun run = run("check-access", "--command-config", guestConfig);

    assertThat(run.exitCode()).isEqualTo(4);
    assertThat(run.out())
        .containsPattern("MISSING +ALTER on the cluster +alter partition reassignments")
        .containsPattern("MISSING +CREATE on topic __ballast_canary")
        .contains(
            "kafka-acls.sh --bootstrap-server "
                + bootstrap
                + " --command-config ADMIN.properties --add --allow-principal User:guest"
                + " --operation AlterConfigs --cluster");
    assertThat(run.err().lines()).hasSize(1);
    assertThat(run.err()).startsWith("ballast: principal User:guest lacks 9 of 10 permissions");
  }

  @Order(5)
  @Test
  void withDescribeOnTopicsGrantedTheGuestSeesTopicsAndIsRefusedTheNextPermission() {
    grant(new ResourcePattern(ResourceType.TOPIC, "*", PatternType.LITERAL), AclOperation.DESCRIBE);

    CliRun describe = run("cluster", "describe", "--command-config", guestConfig);
    assertThat(describe.exitCode()).as(describe.err()).isZero();
    assertThat(describe.out()).contains("orders");

    CliRun access = run("check-access", "--command-config", guestConfig);
    assertThat(access.exitCode()).isEqualTo(4);
    assertThat(access.out())
        .containsPattern("ok +DESCRIBE on the topics")
        .containsPattern("MISSING +ALTER_CONFIGS on the topics .* lacking on 1 of 1 visible");

    CliRun balance =
        run(
            "balance",
            "--once",
            "--dry-run",
            "--no-canary",
            "--interval",
            "1s",
            "--command-config",
            guestConfig);
    assertThat(balance.exitCode()).isEqualTo(4);
    assertThat(balance.err())
        .isEqualTo(
            "ballast: principal User:guest is not authorized to describe log dirs: grant"
                + " DESCRIBE on the cluster\n");
  }

  @Order(6)
  @Test
  void aWrongPasswordIsAnAuthenticationFailureWithExitFour() throws Exception {
    Path wrong = dir.resolve("wrong.properties");
    Properties p = new Properties();
    p.putAll(cluster.clientProperties("guest"));
    p.put(
        "sasl.jaas.config",
        p.getProperty("sasl.jaas.config").replaceAll("password=\"[^\"]*\"", "password=\"nope\""));
    try (var w = Files.newBufferedWriter(wrong)) {
      p.store(w, null);
    }

    CliRun run = run("cluster", "describe", "--command-config", wrong.toString());

    assertThat(run.exitCode()).isEqualTo(4);
    assertThat(run.err())
        .startsWith("ballast: authentication as User:guest failed")
        .contains("sasl.jaas.config");
  }

  @Order(7)
  @Test
  void withTheDescribePermissionsOnlyADryRunWithoutCanaryAnswers() {
    grant(
        new ResourcePattern(ResourceType.CLUSTER, "kafka-cluster", PatternType.LITERAL),
        AclOperation.DESCRIBE);
    grant(new ResourcePattern(ResourceType.GROUP, "*", PatternType.LITERAL), AclOperation.DESCRIBE);

    CliRun run =
        run(
            "balance",
            "--once",
            "--dry-run",
            "--no-canary",
            "--interval",
            "1s",
            "--samples",
            "2",
            "--command-config",
            guestConfig);

    assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
    assertThat(run.out()).contains("balancing");
  }

  @Order(8)
  @Test
  void aCanaryThatMayBeCreatedButNotWrittenIsRefusedNotMeasuredAsSlow() {
    grant(
        new ResourcePattern(ResourceType.TOPIC, "__ballast_canary", PatternType.LITERAL),
        AclOperation.CREATE);

    CliRun run =
        run("balance", "--once", "--dry-run", "--interval", "1s", "--command-config", guestConfig);

    assertThat(run.exitCode()).isEqualTo(4);
    assertThat(run.err())
        .isEqualTo(
            "ballast: principal User:guest is not authorized to write to the canary topic: grant"
                + " WRITE on topic __ballast_canary, or run with --no-canary\n");
  }

  private CliRun run(String... args) {
    String[] all = new String[args.length + 4];
    System.arraycopy(args, 0, all, 0, args.length);
    all[args.length] = "--bootstrap-server";
    all[args.length + 1] = bootstrap;
    all[args.length + 2] = "--timeout";
    all[args.length + 3] = "20";
    return CliRun.of(all);
  }

  private void grant(ResourcePattern pattern, AclOperation op) {
    AdminCalls.get(
        admin
            .createAcls(
                List.of(
                    new AclBinding(
                        pattern,
                        new AccessControlEntry("User:guest", "*", op, AclPermissionType.ALLOW))))
            .all(),
        TIMEOUT,
        "grant " + op);
  }
}
