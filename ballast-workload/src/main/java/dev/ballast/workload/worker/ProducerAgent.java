package dev.ballast.workload.worker;

import static java.util.Objects.requireNonNull;

import dev.ballast.core.loop.Agent;
import dev.ballast.core.loop.ParkingIdleStrategy;
import dev.ballast.workload.continuity.AckLedger;
import dev.ballast.workload.message.KeyChooser;
import dev.ballast.workload.message.KeyKind;
import dev.ballast.workload.message.MessageSizes;
import dev.ballast.workload.message.MessageStamp;
import dev.ballast.workload.message.PartitionChooser;
import dev.ballast.workload.message.Payloads;
import dev.ballast.workload.rate.NanoClock;
import dev.ballast.workload.rate.Pacer;
import dev.ballast.workload.rate.RateSchedule;
import dev.ballast.workload.rate.RateShape;
import java.time.Duration;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * Sends one producer's messages on its open-loop schedule: each step sends every message that is
 * due (at most a bounded batch), stamps it ({@link MessageStamp}), and records latencies when the
 * cluster acknowledges it. Only the schedule decides when a message is due, never a previous ack.
 */
public final class ProducerAgent implements Agent {

  private static final int MAX_PER_STEP = 1_000;
  private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(10);

  private final ProducerAssignment assignment;
  private final Producer<byte[], byte[]> producer;
  private Pacer pacer; // replaced by the agent's thread when the rate changes
  private volatile double pendingFactor = Double.NaN;
  private final boolean unlimited;
  private final PartitionChooser partitions;
  private final KeyChooser keys;
  private final MessageSizes sizes;
  private final Payloads payloads;
  private final long[] sequences;
  private final LoadMetrics metrics;
  private final AckLedger ledger;
  private final NanoClock clock;
  private long limit = Long.MAX_VALUE;
  private long sentCount;

  /**
   * Creates an agent that sends through {@code producer} to a topic of {@code partitionCount}
   * partitions, on a schedule starting at {@code startNanos} of {@code clock}.
   */
  public ProducerAgent(
      ProducerAssignment assignment,
      Producer<byte[], byte[]> producer,
      int partitionCount,
      LoadMetrics metrics,
      AckLedger ledger,
      NanoClock clock,
      long startNanos) {
    this.assignment = requireNonNull(assignment, "assignment");
    this.producer = requireNonNull(producer, "producer");
    this.metrics = requireNonNull(metrics, "metrics");
    this.ledger = requireNonNull(ledger, "ledger");
    this.clock = requireNonNull(clock, "clock");
    RateSchedule schedule = new RateSchedule(assignment.shape(), assignment.unit(), startNanos);
    this.pacer = new Pacer(schedule, clock, ParkingIdleStrategy.standard());
    this.unlimited = schedule.isUnlimited();
    long seed = assignment.producerId();
    this.sizes = assignment.messageSize().toSizes(seed);
    this.payloads = new Payloads(sizes.max(), seed);
    this.keys =
        new KeyChooser(
            assignment.keys(), assignment.keyCount(), assignment.hotKeyFraction(), seed + 1);
    long[] weights = assignment.partitionWeights().stream().mapToLong(Long::longValue).toArray();
    if (weights.length > 0 && weights.length != partitionCount) {
      throw new IllegalArgumentException(
          assignment.name()
              + ": "
              + weights.length
              + " partition weights but topic "
              + assignment.topic()
              + " has "
              + partitionCount
              + " partitions");
    }
    this.partitions = new PartitionChooser(partitionCount, weights, stickyRun(assignment, sizes));
    this.sequences = new long[partitionCount];
  }

  /**
   * Messages in a row per partition: about one batch, as Kafka's sticky partitioner does. A record
   * costs its key and value, Ballast's header when the value is too small to carry the stamp (34
   * bytes) and about 11 bytes of framing; a batch has a 61-byte header. Rounding the run down
   * leaves the batch open for the next visit rather than opening a second, tiny batch.
   */
  private static int stickyRun(ProducerAssignment assignment, MessageSizes sizes) {
    Object batch = assignment.clientConfig().get(ProducerConfig.BATCH_SIZE_CONFIG);
    int batchBytes = batch == null ? 16_384 : Integer.parseInt(batch.toString());
    int stampBytes = MessageStamp.fitsInValue((int) sizes.mean()) ? 0 : 34;
    double recordBytes =
        sizes.mean() + stampBytes + 11 + (assignment.keys() == KeyKind.NONE ? 0 : 8);
    return (int) Math.max(1, (batchBytes - 61) / recordBytes);
  }

  /**
   * Changes the rate to {@code factor} times the assignment's constant rate, from the next message
   * on; a backlog (messages already due) stays due. Safe from any thread: the agent applies it at
   * its next step.
   *
   * @throws IllegalStateException when the assignment's rate is not constant
   */
  public void scaleRate(double factor) {
    if (!(factor > 0) || Double.isInfinite(factor)) {
      throw new IllegalArgumentException("rate factor must be positive, got " + factor);
    }
    if (!(assignment.shape() instanceof RateShape.Constant)) {
      throw new IllegalStateException(
          assignment.name() + ": only a constant rate can be changed while running");
    }
    pendingFactor = factor;
  }

  private void applyPendingRate() {
    double factor = pendingFactor;
    if (Double.isNaN(factor)) {
      return;
    }
    pendingFactor = Double.NaN;
    RateSchedule old = pacer.schedule();
    double rate = ((RateShape.Constant) assignment.shape()).perSecond() * factor;
    pacer =
        new Pacer(
            new RateSchedule(RateShape.constant(rate), old.unit(), old.peekNanos()),
            clock,
            ParkingIdleStrategy.standard());
  }

  @Override
  public int doWork() {
    applyPendingRate();
    long now = clock.nanoTime();
    int sent = 0;
    while (sent < MAX_PER_STEP && sentCount < limit && pacer.isDue(now)) {
      sendOne();
      sent++;
    }
    return sent;
  }

  private void sendOne() {
    int size = sizes.next();
    long intended = pacer.next(size);
    byte[] key = keys.next();
    int partition = partitions.next(key);
    long sequence = sequences[partition]++;
    long sendNanos = clock.nanoTime();
    if (!unlimited) {
      metrics.scheduleDelay.record(sendNanos - intended);
    }
    byte[] value = payloads.of(size);
    ProducerRecord<byte[], byte[]> record;
    if (MessageStamp.fitsInValue(size)) {
      // The client copies the value into its batch during send(), so the array can be reused.
      MessageStamp.writeInto(value, assignment.producerId(), sequence, sendNanos);
      record = new ProducerRecord<>(assignment.topic(), partition, null, key, value);
    } else {
      Header stamp = MessageStamp.header(assignment.producerId(), sequence, sendNanos);
      record =
          new ProducerRecord<>(
              assignment.topic(),
              partition,
              null,
              key,
              value,
              new RecordHeaders(new Header[] {stamp}));
    }
    ledger.sent();
    sentCount++;
    metrics.sent.increment();
    metrics.sentBytes.add(size);
    producer.send(
        record, new Ack(partition, sequence, unlimited ? sendNanos : intended, sendNanos, size));
  }

  @Override
  public long nanosUntilWork() {
    return sentCount >= limit ? Long.MAX_VALUE : pacer.nanosUntilDue(clock.nanoTime());
  }

  /** Stops sending after {@code messages} messages in total (a benchmark's fixed count). */
  public void stopAfter(long messages) {
    if (messages < 0) {
      throw new IllegalArgumentException("messages must be >= 0, got " + messages);
    }
    this.limit = messages;
  }

  /** Returns how many messages this agent has handed to the client. */
  public long sentCount() {
    return sentCount;
  }

  /**
   * Closes the client, which first waits (up to 10 s) for every message sent to be acknowledged;
   * what is still pending then fails and is counted as failed, never as acknowledged.
   */
  @Override
  public void onClose() {
    producer.close(CLOSE_TIMEOUT);
  }

  @Override
  public String roleName() {
    return assignment.name();
  }

  /** Returns this producer's ledger of sent and acknowledged sequences. */
  public AckLedger ledger() {
    return ledger;
  }

  /** Records one message's acknowledgement or failure. */
  private final class Ack implements Callback {
    private final int partition;
    private final long sequence;
    private final long intendedNanos;
    private final long sendNanos;
    private final int bytes;

    Ack(int partition, long sequence, long intendedNanos, long sendNanos, int bytes) {
      this.partition = partition;
      this.sequence = sequence;
      this.intendedNanos = intendedNanos;
      this.sendNanos = sendNanos;
      this.bytes = bytes;
    }

    @Override
    public void onCompletion(RecordMetadata metadata, Exception exception) {
      long now = clock.nanoTime();
      if (exception != null) {
        ledger.failed();
        metrics.failed.increment();
        metrics.lastSendError.set(
            exception.getClass().getSimpleName() + ": " + exception.getMessage());
        return;
      }
      ledger.acked(assignment.topic(), partition, sequence);
      metrics.acked.increment();
      metrics.ackedBytes.add(bytes);
      metrics.intended.record(now - intendedNanos);
      if (!unlimited) {
        // At the maximum rate a message is due when it is sent: both latencies are one.
        metrics.send.record(now - sendNanos);
      }
    }
  }
}
