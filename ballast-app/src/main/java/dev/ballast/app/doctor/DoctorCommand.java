package dev.ballast.app.doctor;

import dev.ballast.app.balance.Leftovers;
import dev.ballast.app.cli.CliErrors;
import dev.ballast.app.cli.ConnectionOptions;
import dev.ballast.app.cli.UserException;
import dev.ballast.app.cli.VerboseOption;
import dev.ballast.core.doctor.ConfigChange;
import dev.ballast.core.doctor.Diagnosis;
import dev.ballast.core.doctor.Doctor;
import dev.ballast.core.doctor.DoctorInput;
import dev.ballast.core.doctor.DoctorSettings;
import dev.ballast.core.doctor.Fix;
import dev.ballast.core.doctor.TopicConfig;
import dev.ballast.core.fix.FixContext;
import dev.ballast.core.fix.FixFormat;
import dev.ballast.core.fix.FixRenderers;
import dev.ballast.core.model.Broker;
import dev.ballast.core.model.ClusterModel;
import dev.ballast.core.plan.PlannerOptions;
import dev.ballast.core.snapshot.SnapshotCodec;
import dev.ballast.core.snapshot.SnapshotFormatException;
import dev.ballast.core.text.FileProblems;
import dev.ballast.kafka.ClientSettings;
import dev.ballast.kafka.ClusterUnreachableException;
import dev.ballast.kafka.KafkaCallException;
import dev.ballast.kafka.canary.CanaryProber;
import dev.ballast.kafka.exec.ExecutionJournal;
import dev.ballast.kafka.exec.ExecutionPhase;
import dev.ballast.kafka.exec.ExecutionProgress;
import dev.ballast.kafka.exec.ExecutorSettings;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Diagnoses incidents and writes the fix. */
@Command(
    name = "doctor",
    mixinStandardHelpOptions = true,
    description = {
      "Diagnoses incidents (too few brokers, dead or slow brokers, offline or",
      "under-replicated partitions, imbalance, leader skew, risky topic configs)",
      "in a snapshot file or a live cluster, and writes the fix: Kafka CLI,",
      "AWS CLI, Terraform, Pulumi or Strimzi. --apply runs the Kafka part (never",
      "the cloud part) on a live cluster."
    },
    footer = {
      "",
      "Examples:",
      "  ballast doctor --snapshot cluster.json --broker-capacity 100MiB \\",
      "      --azs 2 --persistent-urp",
      "  ballast doctor --bootstrap-server b-1.example:9092 --format aws-cli \\",
      "      --cluster-arn ARN",
      "  ballast doctor --bootstrap-server localhost:9092 --apply",
      "",
      "Formats: text, json, kafka-cli, aws-cli, terraform, pulumi, strimzi.",
      "See docs/DOCTOR.md."
    })
public final class DoctorCommand implements Callable<Integer> {

  @Mixin VerboseOption verbose;
  @Mixin ConnectionOptions connection;
  @Spec CommandSpec spec;

  @Option(
      names = "--snapshot",
      paramLabel = "FILE",
      description = "Diagnose this snapshot (docs/SNAPSHOT.md) instead of a live cluster.")
  Path snapshot;

  @Option(
      names = "--format",
      defaultValue = "text",
      paramLabel = "FORMAT",
      description =
          "text, json, kafka-cli, aws-cli, terraform, pulumi or strimzi (default: ${DEFAULT-VALUE}).")
  String format;

  @Option(names = "--json", description = "Same as --format json.")
  boolean json;

  @Option(
      names = "--cluster-arn",
      paramLabel = "ARN",
      description = "The MSK cluster's ARN, for --format aws-cli.")
  String clusterArn;

  @Option(
      names = "--azs",
      defaultValue = "0",
      paramLabel = "N",
      description =
          "Availability zones (or racks) the brokers span; the broker count is rounded up to a"
              + " multiple of it (default: the racks the brokers report, else 1).")
  int azs;

  @Option(
      names = "--broker-capacity",
      paramLabel = "BYTES_PER_SEC",
      description =
          "Network each broker sustains in and out, e.g. 100MiB or 125000000 (default: the"
              + " snapshot's broker capacities, else unknown).")
  String brokerCapacity;

  @Option(
      names = "--target-utilisation",
      defaultValue = "70",
      paramLabel = "PERCENT",
      description = "Utilisation to size the cluster for (default: ${DEFAULT-VALUE}).")
  double targetUtilisation;

  @Option(
      names = "--max-partitions-per-broker",
      defaultValue = "4000",
      paramLabel = "N",
      description = "Replicas a broker should hold at most (default: ${DEFAULT-VALUE}).")
  int maxPartitionsPerBroker;

  @Option(
      names = "--persistent-urp",
      description =
          "The under-replicated partitions in the snapshot have lasted (seen more than once); a"
              + " live cluster is looked at twice, --sample-seconds apart, instead.")
  boolean persistentUrp;

  @Option(
      names = "--topic-config",
      paramLabel = "TOPIC:KEY=VALUE",
      description =
          "A topic config the snapshot does not hold (min.insync.replicas,"
              + " unclean.leader.election.enable); repeatable.")
  List<String> topicConfigs = new ArrayList<>();

  @Option(
      names = "--canary-latency",
      split = ",",
      paramLabel = "ID=MS",
      description = "Produce latency per broker measured by a canary, e.g. 0=4,1=5,2=250.")
  List<String> canaryLatency = new ArrayList<>();

  @Option(
      names = "--canary",
      description =
          "With --bootstrap-server: time a small produce to every broker once a second while"
              + " sampling, to find slow brokers (creates the topic "
              + CanaryProber.TOPIC
              + ").")
  boolean canary;

  @Option(
      names = "--sample-seconds",
      defaultValue = "10",
      paramLabel = "SECONDS",
      description =
          "With --bootstrap-server: sample load (and watch the ISR) this long; 0 reads placement"
              + " only (default: ${DEFAULT-VALUE}).")
  int sampleSeconds;

  @Option(
      names = "--throttle",
      defaultValue = "10MiB",
      paramLabel = "BYTES_PER_SEC",
      description = "Replication throttle while replicas are copied (default: ${DEFAULT-VALUE}).")
  String throttle;

  @Option(
      names = "--terraform-resource",
      paramLabel = "NAME",
      description = "Name of the aws_msk_cluster resource (default: this).")
  String terraformResource;

  @Option(
      names = "--pulumi-resource",
      paramLabel = "NAME",
      description = "Name of the Pulumi aws.msk.Cluster (default: cluster).")
  String pulumiResource;

  @Option(
      names = "--strimzi-cluster",
      paramLabel = "NAME",
      description = "Name of the Strimzi Kafka resource (default: my-cluster).")
  String strimziCluster;

  @Option(
      names = "--strimzi-node-pool",
      paramLabel = "NAME",
      description = "Name of the Strimzi KafkaNodePool of the brokers (default: broker).")
  String strimziNodePool;

  @Option(
      names = "--apply",
      description =
          "Run the Kafka part of the fix on the cluster (reassignments, leader election, topic"
              + " configs) after asking; the cloud part is only printed.")
  boolean apply;

  @Option(names = "--yes", description = "With --apply: do not ask for confirmation.")
  boolean yes;

  @Override
  public Integer call() throws IOException {
    FixFormat fixFormat = json ? FixFormat.JSON : parseFormat(format);
    DoctorSettings settings = settings();
    if (snapshot != null && connection.isExternal()) {
      throw new UserException("give either --snapshot or --bootstrap-server, not both");
    }
    if (snapshot == null && !connection.isExternal()) {
      throw new UserException(
          "give --snapshot FILE or --bootstrap-server HOST:PORT (the cluster to diagnose)");
    }
    if (canary && (snapshot != null || sampleSeconds == 0)) {
      throw new UserException(
          "--canary probes a live cluster while sampling: it needs --bootstrap-server and"
              + " --sample-seconds above 0");
    }
    if (apply && snapshot != null) {
      throw new UserException(
          "--apply needs a live cluster (--bootstrap-server): a snapshot cannot be changed");
    }
    PrintWriter out = spec.commandLine().getOut();
    if (snapshot != null) {
      DoctorInput input =
          overrides(new DoctorInput(read(snapshot), Map.of(), Map.of(), persistentUrp));
      Diagnosis d = diagnose(input, settings);
      out.print(FixRenderers.render(fixFormat, d, context(null, null)));
      out.flush();
      return 0;
    }
    ClientSettings client = connection.settings();
    try (Admin admin = Admin.create(adminProperties(client))) {
      LiveReader.Reading reading = read(admin, client);
      DoctorInput input = overrides(reading.input());
      Diagnosis d = diagnose(input, settings);
      reading.warnings().forEach(w -> spec.commandLine().getErr().println("ballast: " + w));
      Path config =
          spec.commandLine().getParseResult().matchedOptionValue("--command-config", null);
      String commandConfig = config == null ? null : config.toString();
      out.print(
          FixRenderers.render(fixFormat, d, context(client.bootstrapServers(), commandConfig)));
      out.flush();
      if (apply) {
        return apply(admin, d, input.model(), client.bootstrapServers());
      }
      return 0;
    } catch (ClusterUnreachableException e) {
      throw new UserException(e.getMessage(), 3);
    } catch (KafkaCallException e) {
      throw new UserException(e.getMessage(), 3);
    } catch (org.apache.kafka.common.KafkaException e) {
      throw new UserException(
          "cannot talk to " + client.bootstrapServers() + ": " + CliErrors.describe(e), 3);
    }
  }

  private LiveReader.Reading read(Admin admin, ClientSettings client) {
    LiveReader reader =
        new LiveReader(admin, connection.timeout(), client.bootstrapServers(), System::nanoTime);
    Duration window = Duration.ofSeconds(sampleSeconds);
    if (!canary) {
      return reader.read(window, null);
    }
    try (CanaryProber prober =
        new CanaryProber(
            admin, client, Duration.ofSeconds(1), Duration.ofSeconds(5), 60, System::nanoTime)) {
      return reader.read(window, prober);
    }
  }

  private int apply(Admin admin, Diagnosis d, ClusterModel model, String address)
      throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    if (!d.fix().hasKafkaPart()) {
      out.println();
      out.println("--apply: nothing to run on Kafka.");
      out.flush();
      return 0;
    }
    List<Integer> ids = model.brokers().stream().map(Broker::id).toList();
    try {
      FixApplier.requireStepOneDone(d.fix(), ids);
    } catch (IllegalStateException e) {
      throw new UserException("--apply: " + e.getMessage());
    }
    out.println();
    out.println("--apply runs on " + address + ":");
    steps(d.fix()).forEach(s -> out.println("  " + s));
    if (!yes && !confirm(out, address)) {
      out.println("Nothing changed.");
      out.flush();
      return 1;
    }
    ExecutorSettings exec =
        ExecutorSettings.defaults().withThrottle(ByteRates.parse(throttle, "--throttle"));
    boolean ok;
    try (ExecutionJournal journal =
        Leftovers.openJournal(connection.settings(), admin, connection.timeout())) {
      ExecutionProgress left = Leftovers.finish(admin, exec, journal, /* cancel= */ false, out);
      ok =
          (left == null || left.phase() == ExecutionPhase.DONE)
              && new FixApplier(admin, exec, System::nanoTime, Duration.ofHours(24), out, journal)
                  .apply(d.fix(), ids);
    } catch (IllegalStateException e) {
      throw new UserException(e.getMessage());
    }
    out.println(ok ? "--apply: done." : "--apply: stopped before the end; see the notes above.");
    out.flush();
    return ok ? 0 : 1;
  }

  /** Returns one line per Kafka step of {@code fix} that --apply runs. */
  static List<String> steps(Fix fix) {
    List<String> out = new ArrayList<>();
    if (!fix.rebalance().isEmpty()) {
      out.add(
          "step 2: reassign "
              + fix.rebalance().size()
              + " partition(s) ("
              + fix.rebalanceSummary()
              + ")");
    }
    if (!fix.preferredElection().isEmpty()) {
      out.add(
          "step 3: preferred leader election on "
              + fix.preferredElection().size()
              + " partition(s)");
    }
    for (ConfigChange c : fix.configChanges()) {
      out.add(
          "step 4: " + c.topic() + " " + c.key() + " " + c.currentValue() + " -> " + c.newValue());
    }
    if (!fix.replicationIncrease().isEmpty()) {
      out.add(
          "step 5: add replicas to "
              + fix.replicationIncrease().size()
              + " RF=1 partition(s) of "
              + fix.replicationIncrease().stream()
                  .map(r -> r.topic())
                  .distinct()
                  .sorted()
                  .toList());
    }
    return out;
  }

  private boolean confirm(PrintWriter out, String address) throws IOException {
    if (System.console() == null) {
      throw new UserException(
          "--apply asks for confirmation, but there is no terminal to ask on: add --yes");
    }
    out.printf("Apply these steps to %s? [y/N] ", address);
    out.flush();
    String answer =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
    return answer != null && answer.trim().toLowerCase(Locale.ROOT).startsWith("y");
  }

  private Diagnosis diagnose(DoctorInput input, DoctorSettings settings) {
    return new Doctor(settings, PlannerOptions.defaults()).diagnose(input);
  }

  private DoctorSettings settings() {
    if (azs < 0) {
      throw new UserException("--azs must be >= 1 (or 0 to count racks), not " + azs);
    }
    if (!(targetUtilisation > 0 && targetUtilisation <= 100)) {
      throw new UserException(
          "--target-utilisation must be a percentage in (0, 100], not " + targetUtilisation);
    }
    if (maxPartitionsPerBroker < 1) {
      throw new UserException(
          "--max-partitions-per-broker must be >= 1, not " + maxPartitionsPerBroker);
    }
    if (sampleSeconds < 0) {
      throw new UserException("--sample-seconds must be >= 0, not " + sampleSeconds);
    }
    DoctorSettings s =
        DoctorSettings.defaults()
            .withAvailabilityZones(azs)
            .withTargetUtilisation(targetUtilisation / 100)
            .withMaxPartitionsPerBroker(maxPartitionsPerBroker);
    if (brokerCapacity != null) {
      s = s.withBrokerCapacity(ByteRates.parse(brokerCapacity, "--broker-capacity"));
    }
    return s;
  }

  private FixContext context(String bootstrap, String commandConfig) {
    return FixContext.defaults()
        .withConnection(bootstrap, commandConfig)
        .withClusterArn(clusterArn)
        .withThrottle(ByteRates.parse(throttle, "--throttle"))
        .withNames(terraformResource, pulumiResource, strimziCluster, strimziNodePool);
  }

  /**
   * Returns {@code input} with the topic configs and canary latencies given on the command line.
   */
  private DoctorInput overrides(DoctorInput input) {
    Map<String, TopicConfig> configs = new TreeMap<>(input.topicConfigs());
    for (String spec : topicConfigs) {
      TopicConfigOption.apply(spec, configs);
    }
    Map<Integer, Double> latency = new TreeMap<>(input.canaryLatencyMillis());
    for (String item : canaryLatency) {
      String[] kv = item.split("=", 2);
      try {
        latency.put(Integer.parseInt(kv[0].trim()), Double.parseDouble(kv[1].trim()));
      } catch (RuntimeException e) {
        throw new UserException(
            "--canary-latency takes ID=MS pairs (e.g. 0=4,1=5,2=250), not '" + item + "'");
      }
    }
    try {
      return new DoctorInput(
          input.model(), configs, latency, input.persistentUnderReplication() || persistentUrp);
    } catch (IllegalArgumentException e) {
      throw new UserException(e.getMessage());
    }
  }

  private static FixFormat parseFormat(String value) {
    try {
      return FixFormat.fromLabel(value);
    } catch (IllegalArgumentException e) {
      throw new UserException("--format: " + e.getMessage());
    }
  }

  private static ClusterModel read(Path file) throws IOException {
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return SnapshotCodec.parse(reader);
    } catch (NoSuchFileException e) {
      throw new UserException("snapshot file " + file + " does not exist");
    } catch (IOException e) {
      throw new UserException("snapshot file " + file + " " + FileProblems.describe(e));
    } catch (SnapshotFormatException e) {
      throw new UserException(file + ": " + e.getMessage());
    }
  }

  private Properties adminProperties(ClientSettings client) {
    Properties p = client.toProperties();
    long ms = connection.timeout().toMillis();
    p.putIfAbsent(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, Long.toString(ms));
    p.putIfAbsent(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, Long.toString(ms));
    p.putIfAbsent(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, "1000");
    return p;
  }
}
