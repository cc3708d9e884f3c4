package dev.ballast.workload.remote;

import static java.util.Objects.requireNonNull;

import dev.ballast.core.loop.Agent;
import dev.ballast.workload.rate.NanoClock;
import java.time.Duration;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;

/**
 * The controller's reading side: polls the status and results topics (from their end when it
 * starts) and hands what arrives to {@link RemoteWorkers}; lists the worker group once a second
 * while a worker is suspected. Network calls happen outside the controller's lock.
 */
final class ControlLoop implements Agent {

  private static final Duration POLL = Duration.ofMillis(20);
  private static final long MEMBERS_EVERY_NANOS = 1_000_000_000L;

  private final RemoteWorkers owner;
  private final NanoClock clock;
  private final ControlBus bus;
  private final KafkaConsumer<String, byte[]> status;
  private final KafkaConsumer<String, byte[]> results;
  private long nextMembersNanos;

  ControlLoop(RemoteWorkers owner, ControlBus bus, NanoClock clock) {
    this.owner = requireNonNull(owner, "owner");
    this.clock = requireNonNull(clock, "clock");
    this.bus = requireNonNull(bus, "bus");
    this.status = bus.reader(bus.topics().status(), /* fromBeginning= */ false);
    this.results = bus.reader(bus.topics().results(), /* fromBeginning= */ false);
  }

  @Override
  public int doWork() {
    int work = 0;
    for (ConsumerRecord<String, byte[]> r : status.poll(POLL)) {
      work++;
      if (r.value() != null) {
        decode(r, WorkerStatus.class, true);
      }
    }
    for (ConsumerRecord<String, byte[]> r : results.poll(Duration.ZERO)) {
      work++;
      if (r.value() != null) {
        decode(r, IntervalReport.class, false);
      }
    }
    long now = clock.nanoTime();
    if (owner.onTick() && now >= nextMembersNanos) {
      nextMembersNanos = now + MEMBERS_EVERY_NANOS;
      try {
        Set<String> members = bus.members(Duration.ofSeconds(2));
        owner.onMembers(members);
      } catch (IllegalStateException e) {
        // The control cluster did not answer: try again at the next second.
      }
    }
    return work;
  }

  private <T> void decode(ConsumerRecord<String, byte[]> r, Class<T> type, boolean isStatus) {
    try {
      T message = Codec.decode(r.value(), type);
      if (isStatus) {
        owner.onStatus((WorkerStatus) message);
      } else {
        owner.onReport((IntervalReport) message);
      }
    } catch (IllegalArgumentException e) {
      // Not ours (another version or a stray writer): skip it.
    }
  }

  @Override
  public long nanosUntilWork() {
    return 1_000_000L;
  }

  @Override
  public void onClose() {
    status.close(Duration.ofSeconds(2));
    results.close(Duration.ofSeconds(2));
  }

  @Override
  public String roleName() {
    return "remote-control";
  }
}
