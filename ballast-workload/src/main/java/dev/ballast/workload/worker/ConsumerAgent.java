package dev.ballast.workload.worker;

import static java.util.Objects.requireNonNull;

import dev.ballast.core.loop.Agent;
import dev.ballast.workload.continuity.ContinuityChecker;
import dev.ballast.workload.continuity.PartitionChecker;
import dev.ballast.workload.message.MessageStamp;
import dev.ballast.workload.rate.NanoClock;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;

/**
 * Reads one consumer's share of a group and feeds every Ballast message to the group's continuity
 * checker and the end-to-end latency. Offsets are committed before partitions are revoked, so a
 * rebalance hands them over with as few re-reads as possible (re-reads are counted, not faults).
 */
public final class ConsumerAgent implements Agent {

  private static final Duration POLL = Duration.ofMillis(100);

  private final ConsumerAssignment assignment;
  private final Consumer<byte[], byte[]> consumer;
  private final ContinuityChecker checker;
  private final LoadMetrics metrics;
  private final GroupProgress progress;
  private final NanoClock clock;
  private final MessageStamp stamp = new MessageStamp();

  /** Creates an agent reading through {@code consumer}, which this agent subscribes and closes. */
  public ConsumerAgent(
      ConsumerAssignment assignment,
      Consumer<byte[], byte[]> consumer,
      ContinuityChecker checker,
      LoadMetrics metrics,
      GroupProgress progress,
      NanoClock clock) {
    this.assignment = requireNonNull(assignment, "assignment");
    this.consumer = requireNonNull(consumer, "consumer");
    this.checker = requireNonNull(checker, "checker");
    this.metrics = requireNonNull(metrics, "metrics");
    this.progress = requireNonNull(progress, "progress");
    this.clock = requireNonNull(clock, "clock");
    consumer.subscribe(List.of(assignment.topic()), new CommitOnRevoke());
  }

  @Override
  public int doWork() {
    ConsumerRecords<byte[], byte[]> records = consumer.poll(POLL);
    if (records.isEmpty()) {
      return 0;
    }
    long now = clock.nanoTime();
    int count = 0;
    for (TopicPartition tp : records.partitions()) {
      PartitionChecker partition = checker.partition(tp.topic(), tp.partition());
      for (ConsumerRecord<byte[], byte[]> record : records.records(tp)) {
        count++;
        int bytes = record.serializedValueSize() < 0 ? 0 : record.serializedValueSize();
        metrics.consumedBytes.add(bytes);
        if (!stamp.read(record.value(), record.headers())) {
          metrics.foreign.increment();
          continue;
        }
        partition.record(record.offset(), stamp.producerId(), stamp.sequence());
        metrics.endToEnd.record(now - stamp.sendNanos());
      }
    }
    metrics.consumed.add(count);
    progress.consumed(count, now);
    return count;
  }

  @Override
  public void onClose() {
    try {
      consumer.commitSync(Duration.ofSeconds(2));
    } catch (RuntimeException e) {
      // The group may already be gone (cluster down); offsets only save re-reads.
    }
    // Leave the group even as a static member (a remote worker's consumers are): the run is over
    // for this consumer, and a group left with members cannot be deleted at cleanup. A worker that
    // dies never gets here, so its replacement still takes its partitions without a rebalance.
    consumer.close(
        CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
            .withTimeout(Duration.ofSeconds(5)));
  }

  @Override
  public String roleName() {
    return assignment.name();
  }

  private final class CommitOnRevoke implements ConsumerRebalanceListener {
    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
      if (!partitions.isEmpty()) {
        try {
          consumer.commitSync();
        } catch (RuntimeException e) {
          // A failed commit only means the next owner re-reads; the checker counts re-reads.
        }
      }
    }

    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
      progress.assigned(partitions.size());
    }
  }
}
