package dev.ballast.app.task.txn;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ballast.app.task.EmbeddedTaskCluster;
import dev.ballast.app.task.Outcome;
import dev.ballast.app.task.Severity;
import dev.ballast.app.task.TaskResult;
import dev.ballast.app.task.Verdict;
import dev.ballast.app.task.chaos.TaskHarness;
import dev.ballast.embedded.EmbeddedKafkaCluster;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The transactions task on one real 3-broker cluster. */
class TransactionsTaskIT {

  private static EmbeddedKafkaCluster cluster;
  private static EmbeddedTaskCluster tasks;

  @TempDir Path results;

  @BeforeAll
  static void start() {
    cluster = EmbeddedKafkaCluster.start(TaskHarness.spec(Map.of()));
    tasks = new EmbeddedTaskCluster(cluster);
  }

  @AfterAll
  static void stop() {
    if (cluster != null) {
      cluster.close();
    }
  }

  private static TransactionsConfig config(String isolation, String bounce, int seconds) {
    return new TransactionsConfig(
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        isolation,
        null,
        null,
        Duration.ofSeconds(seconds),
        bounce,
        Duration.ofSeconds(4),
        Duration.ofSeconds(4),
        null);
  }

  @Test
  void readCommittedThroughABrokerBounceSeesEveryCommittedRecordOnceAndNothingAborted() {
    TaskResult result =
        TaskHarness.run(
            "transactions",
            new TransactionsTask(config("read_committed", "stop", 15)),
            tasks,
            results);
    assertThat(result.verdicts()).extracting(Verdict::outcome).containsOnly(Outcome.PASS);
    TxnRun run = result.run().observation(TxnRun.KEY).orElseThrow();
    assertThat(run.verdict().committed()).isPositive();
    assertThat(run.verdict().aborted()).isPositive();
    assertThat(run.caughtUp()).isTrue();
  }

  @Test
  void aReadUncommittedConsumerSeesAbortedRecordsAndIsACriticalFail() {
    TaskResult result =
        TaskHarness.run(
            "transactions",
            new TransactionsTask(config("read_uncommitted", "none", 6)),
            tasks,
            results);
    assertThat(result.outcome()).isEqualTo(Outcome.FAIL);
    Verdict isolation =
        result.verdicts().stream()
            .filter(v -> v.checker().equals("transaction-isolation"))
            .findFirst()
            .orElseThrow();
    assertThat(isolation.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(isolation.severity()).isEqualTo(Severity.CRITICAL);
    assertThat(result.run().observation(TxnRun.KEY).orElseThrow().verdict().abortedReads())
        .isPositive();
  }
}
