package dev.ballast.app.scenario;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ballast.app.task.TaskResult;
import dev.ballast.core.detect.BrokerLoads;
import dev.ballast.core.model.Broker;
import dev.ballast.core.model.ClusterModel;
import dev.ballast.core.plan.LoadVector;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * A scenario run's {@code summary.json}: the seed's ExperimentResults shape (metrics and partition
 * distribution before and after, balance improvement) plus balancing figures, continuity, phase
 * times and the checks with their verdicts.
 */
final class SummaryJson {

  private static final ObjectMapper JSON = new ObjectMapper();

  private SummaryJson() {}

  /** Returns {@code summary.json} of the judged scenario run {@code result}. */
  static String of(TaskResult result) throws IOException {
    ScenarioResult r = new ScenarioResult(result);
    ObjectNode root = JSON.createObjectNode();
    root.put("demo_name", r.spec().name());
    root.put("timestamp", Instant.now().toString());
    root.put("title", r.spec().title());
    root.put("verdict", r.verdict());
    ObjectNode before = root.putObject("before");
    before.set("metrics", clusterMetrics(r.before()));
    before.set("partition_distribution", distribution(r, r.before()));
    ObjectNode after = root.putObject("after");
    after.set("metrics", clusterMetrics(r.after()));
    after.set("partition_distribution", distribution(r, r.after()));
    improvement(root.putObject("improvement"), r);
    balancing(root, r);
    ObjectNode phases = root.putObject("phase_seconds");
    r.phaseSeconds().forEach(phases::put);
    ArrayNode checks = root.putArray("checks");
    r.checks()
        .forEach(
            c ->
                checks
                    .addObject()
                    .put("name", c.summary())
                    .put("checker", c.checker())
                    .put("verdict", c.outcome().name())
                    .put("evidence", c.evidence()));
    if (r.error() != null) {
      root.put("error", r.error());
    }
    return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
  }

  private static ObjectNode clusterMetrics(ClusterModel m) {
    ObjectNode n = JSON.createObjectNode();
    if (m == null) {
      return n;
    }
    Map<Integer, LoadVector> loads = BrokerLoads.of(m);
    ArrayNode brokers = n.putArray("brokers");
    double in = 0;
    double out = 0;
    double msgs = 0;
    for (Broker b : m.brokers()) {
      LoadVector l = loads.get(b.id());
      brokers
          .addObject()
          .put("broker_id", Integer.toString(b.id()))
          .put("state", b.state().label())
          .put("bytes_in_per_sec", l.networkIn())
          .put("bytes_out_per_sec", l.networkOut())
          .put("messages_in_per_sec", l.messages())
          .put("partition_count", (long) l.replicas())
          .put("leader_partition_count", (long) l.leaders());
      in += l.networkIn();
      out += l.networkOut();
      msgs += l.messages();
    }
    n.put("total_bytes_in_per_sec", in);
    n.put("total_bytes_out_per_sec", out);
    n.put("total_messages_in_per_sec", msgs);
    n.put("total_partitions", m.partitions().size());
    n.put("bytes_in_std_dev", ReportWriter.stdDev(m, LoadVector::networkIn));
    n.put("bytes_out_std_dev", ReportWriter.stdDev(m, LoadVector::networkOut));
    n.put("messages_in_std_dev", ReportWriter.stdDev(m, LoadVector::messages));
    n.put("partition_count_std_dev", ReportWriter.stdDev(m, LoadVector::replicas));
    return n;
  }

  private static ObjectNode distribution(ScenarioResult r, ClusterModel m) {
    ObjectNode n = JSON.createObjectNode();
    n.put("topic", r.spec().topic());
    ArrayNode parts = n.putArray("partitions");
    if (m != null) {
      m.partitions().stream()
          .filter(p -> p.topic().equals(r.spec().topic()))
          .forEach(
              p -> {
                ObjectNode o =
                    parts
                        .addObject()
                        .put("partition_id", p.partition())
                        .put("leader_broker", Integer.toString(p.leader()));
                ArrayNode rs = o.putArray("replicas");
                p.replicas().forEach(x -> rs.add(Integer.toString(x)));
              });
    }
    return n;
  }

  private static void improvement(ObjectNode imp, ScenarioResult r) {
    String[] keys = {
      "bytes_in_balance_improvement",
      "bytes_out_balance_improvement",
      "messages_in_balance_improvement",
      "partition_balance_improvement"
    };
    List<ToDoubleFunction<LoadVector>> fs =
        List.of(
            LoadVector::networkIn,
            LoadVector::networkOut,
            LoadVector::messages,
            LoadVector::replicas);
    for (int i = 0; i < keys.length; i++) {
      double b = ReportWriter.stdDev(r.before(), fs.get(i));
      double a = ReportWriter.stdDev(r.after(), fs.get(i));
      imp.put(keys[i], b <= 0 ? 0 : Math.round((b - a) / b * 1000) / 10.0);
    }
  }

  private static void balancing(ObjectNode root, ScenarioResult r) {
    ObjectNode bal = root.putObject("balancing");
    if (r.convergenceSeconds() != null) {
      bal.put("convergence_seconds", r.convergenceSeconds());
    } else {
      bal.putNull("convergence_seconds");
    }
    bal.put("executions", r.executionStarts().size());
    bal.put("replica_moves", r.moves());
    bal.put("leadership_changes", r.leaderChanges());
    bal.put("bytes_moved", r.bytesMoved());
    if (r.workload() != null && !r.workload().groups().isEmpty()) {
      var v = r.workload().groups().get(0).verdict();
      ObjectNode c = root.putObject("continuity");
      c.put("produced", v.produced());
      c.put("acked", v.acked());
      c.put("consumed", v.consumed());
      c.put("lost", v.lost());
      c.put("duplicated", v.duplicated());
      c.put("reordered", v.reordered());
      c.put("produce_p99_ms", r.workload().latencyFromIntended().p99() / 1e6);
    }
  }
}
