package dev.ballast.workload.txn;

import static java.util.Objects.requireNonNull;

import dev.ballast.core.loop.Agent;
import dev.ballast.workload.rate.NanoClock;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;

/**
 * Samples a topic's last stable offsets ({@code listOffsets} with {@code READ_COMMITTED}) and high
 * watermarks ({@code READ_UNCOMMITTED}) every interval into the ledger, for the hanging-transaction
 * check. A failed sample (a leader away) is skipped, not recorded.
 */
public final class LsoProbe implements Agent {

  private final Admin admin;
  private final String topic;
  private final int partitionCount;
  private final TransactionLedger ledger;
  private final NanoClock clock;
  private final long intervalNanos;
  private long nextNanos;

  /**
   * Creates a probe of {@code topic} through {@code admin}, sampling every {@code intervalNanos}.
   */
  public LsoProbe(
      Admin admin,
      String topic,
      int partitionCount,
      TransactionLedger ledger,
      NanoClock clock,
      long intervalNanos) {
    this.admin = requireNonNull(admin, "admin");
    this.topic = requireNonNull(topic, "topic");
    this.partitionCount = partitionCount;
    this.ledger = requireNonNull(ledger, "ledger");
    this.clock = requireNonNull(clock, "clock");
    this.intervalNanos = intervalNanos;
    this.nextNanos = clock.nanoTime();
  }

  @Override
  public int doWork() throws InterruptedException {
    long now = clock.nanoTime();
    if (now < nextNanos) {
      return 0;
    }
    nextNanos = now + intervalNanos;
    Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
    for (int p = 0; p < partitionCount; p++) {
      latest.put(new TopicPartition(topic, p), OffsetSpec.latest());
    }
    try {
      Map<TopicPartition, ListOffsetsResultInfo> stable =
          list(latest, IsolationLevel.READ_COMMITTED);
      Map<TopicPartition, ListOffsetsResultInfo> high =
          list(latest, IsolationLevel.READ_UNCOMMITTED);
      for (TopicPartition tp : latest.keySet()) {
        ledger.lso(
            new LsoSample(
                now, topic, tp.partition(), stable.get(tp).offset(), high.get(tp).offset()));
      }
      return 1;
    } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
      return 0;
    }
  }

  private Map<TopicPartition, ListOffsetsResultInfo> list(
      Map<TopicPartition, OffsetSpec> specs, IsolationLevel isolation)
      throws ExecutionException, InterruptedException, java.util.concurrent.TimeoutException {
    return admin
        .listOffsets(specs, new ListOffsetsOptions(isolation).timeoutMs(5_000))
        .all()
        .get(6, TimeUnit.SECONDS);
  }

  @Override
  public long nanosUntilWork() {
    return Math.max(0, nextNanos - clock.nanoTime());
  }

  @Override
  public String roleName() {
    return "lso-probe-" + topic;
  }
}
