package dev.ballast.workload.remote;

import static java.util.Objects.requireNonNull;

import dev.ballast.core.loop.Agent;
import dev.ballast.core.loop.AgentRunner;
import dev.ballast.core.loop.IdleStrategy;
import dev.ballast.core.loop.ParkingIdleStrategy;
import dev.ballast.workload.rate.NanoClock;
import dev.ballast.workload.worker.LocalWorker;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;

/**
 * The worker process's work: reads its control record (from the start of the compacted topic, so a
 * restarted worker gets the whole desired state), makes its {@link LocalWorker} match it through a
 * {@link WorkerShare}, heartbeats on the status topic, and reports every interval, on request and
 * at the end. Records of an older run epoch are ignored. A stop request (SIGTERM) finishes the
 * interval, sends the final report and leaves the worker group.
 */
public final class WorkerAgent implements Agent {

  private static final long SAMPLE_NANOS = 100_000_000L;
  private static final long MEMBERSHIP_POLL_NANOS = 1_000_000_000L;
  private static final long JOIN_POLL_NANOS = 10_000_000L;
  private static final long IDLE_WAIT_NANOS = 1_000_000_000L;

  private final String workerId;
  private final long sessionId;
  private final ControlBus bus;
  private final NanoClock clock;
  private final WorkerShare share;
  private final long heartbeatNanos;
  private final KafkaConsumer<String, byte[]> control;
  private final KafkaConsumer<String, byte[]> membership;
  private DesiredState desired;
  private DesiredState applied;
  private long highestEpoch;
  private final AgentRunner heartbeat;
  private volatile WorkerStatus current;
  private volatile Path aliveFile;
  private long nextReportNanos;
  private long nextSampleNanos;
  private long nextMembershipNanos;
  private volatile boolean stopRequested;
  private boolean done;

  /**
   * Opens a worker {@code workerId} (process {@code sessionId}) on the control plane {@code bus},
   * making clients for the cluster under test from {@code clusterConfig}.
   */
  public WorkerAgent(
      String workerId,
      long sessionId,
      ControlBus bus,
      Map<String, Object> clusterConfig,
      Supplier<LocalWorker> workers,
      NanoClock clock,
      Duration heartbeat,
      Duration sessionTimeout) {
    this.workerId = requireNonNull(workerId, "workerId");
    this.sessionId = sessionId;
    this.bus = requireNonNull(bus, "bus");
    this.clock = requireNonNull(clock, "clock");
    this.heartbeatNanos = heartbeat.toNanos();
    this.share = new WorkerShare(workerId, sessionId, clusterConfig, workers);
    this.control = bus.reader(bus.topics().control(), /* fromBeginning= */ true);
    this.membership = bus.membership(workerId, sessionTimeout);
    this.current = status();
    // Heartbeats have their own thread: a worker busy starting clients is alive all the same.
    this.heartbeat = AgentRunner.start(new Heartbeat(), ParkingIdleStrategy.standard());
  }

  /** Sends the latest status every heartbeat interval. */
  private final class Heartbeat implements Agent {
    private long next;

    @Override
    public int doWork() {
      long now = clock.nanoTime();
      if (now < next) {
        return 0;
      }
      next = now + heartbeatNanos;
      sendCurrent();
      touch(aliveFile);
      return 1;
    }

    @Override
    public long nanosUntilWork() {
      return Math.max(1, next - clock.nanoTime());
    }

    @Override
    public String roleName() {
      return "heartbeat-" + workerId;
    }
  }

  /** Touches {@code file} at every heartbeat, for a liveness probe that checks its age. */
  public void touchOnHeartbeat(Path file) {
    this.aliveFile = requireNonNull(file, "file");
  }

  private static void touch(Path file) {
    if (file == null) {
      return;
    }
    try {
      Files.write(file, new byte[0]);
    } catch (IOException e) {
      // The probe will notice; the worker itself is fine.
    }
  }

  /**
   * Runs until stopped. Between its timed tasks (counter samples, reports, group membership) the
   * worker waits in the control topic's poll, which returns as soon as a control record arrives: a
   * command is acted on at once, and an idle loop costs nothing; {@code idle} only covers what is
   * left of a wait the poll cut short.
   */
  public void run(IdleStrategy idle) {
    while (!done) {
      if (step(nanosUntilWork()) == 0) {
        idle.idle(0, nanosUntilWork());
      }
    }
  }

  /** Asks the worker to finish its interval, report, leave the group and stop; any thread. */
  public void requestStop() {
    stopRequested = true;
    if (!done) {
      control.wakeup(); // cut a waiting poll short
    }
  }

  /** Returns whether the worker has stopped. */
  public boolean isDone() {
    return done;
  }

  @Override
  public int doWork() {
    return step(0);
  }

  /** One step: waits up to {@code maxWaitNanos} for control records, then does what is due. */
  private int step(long maxWaitNanos) {
    if (done) {
      return 0;
    }
    if (stopRequested) {
      shutdown();
      return 1;
    }
    int work = readControl(maxWaitNanos);
    long now = clock.nanoTime();
    if (now >= nextMembershipNanos) {
      // Joining takes a few polls; once a member, the group's liveness is the consumer's heartbeat
      // thread and poll only keeps it within max.poll.interval.ms and rejoins after a rebalance:
      // once a second is plenty (every 10 ms cost CPU for nothing).
      membership.poll(Duration.ZERO);
      boolean member = !membership.groupMetadata().memberId().isEmpty();
      nextMembershipNanos = now + (member ? MEMBERSHIP_POLL_NANOS : JOIN_POLL_NANOS);
    }
    if (desired != applied) {
      apply(desired);
      beat();
      work++;
    }
    if (now >= nextSampleNanos) {
      nextSampleNanos = now + SAMPLE_NANOS;
      share.sample(System.currentTimeMillis());
    }
    if (applied != null && share.isRunning() && now >= nextReportNanos) {
      report(false);
      work++;
    }
    return work;
  }

  private int readControl(long maxWaitNanos) {
    ConsumerRecords<String, byte[]> records;
    try {
      records = control.poll(Duration.ofNanos(Math.max(0, maxWaitNanos)));
    } catch (WakeupException e) {
      return 0; // requestStop: the next step shuts down
    }
    int count = 0;
    for (ConsumerRecord<String, byte[]> r : records) {
      count++;
      if (!workerId.equals(r.key())) {
        continue;
      }
      if (r.value() == null) {
        desired = null; // tombstone: the controller is done with this worker
        continue;
      }
      try {
        DesiredState d = Codec.decode(r.value(), DesiredState.class);
        if (d.epoch() >= highestEpoch) {
          highestEpoch = d.epoch();
          desired = d;
        }
      } catch (IllegalArgumentException e) {
        share.error("control record at offset " + r.offset() + " ignored: " + e.getMessage());
      }
    }
    return count;
  }

  private void apply(DesiredState d) {
    if (d == null) {
      share.close();
      applied = null;
      return;
    }
    if (applied != null && applied.epoch() != d.epoch()) {
      share.close(); // a new run: the old one is over
    }
    if (d.phase() == RunPhase.FINISHED) {
      if (share.isRunning()) {
        share.stopAll();
        report(true);
        share.close();
      }
      applied = d;
      return;
    }
    boolean warmupEnds = share.isRunning() && d.warmupGeneration() > share.warmupGeneration();
    if (warmupEnds) {
      report(false); // the warm-up's last interval, under its own generation
    }
    boolean reportDue = share.apply(d);
    applied = d;
    if (reportDue || warmupEnds) {
      report(false);
    }
  }

  /** Publishes the status now (after a change), and leaves it for the heartbeat thread. */
  private void beat() {
    current = status();
    sendCurrent();
  }

  /**
   * Sends the latest status. One lock for both threads, so a heartbeat never sends an older status
   * after a newer one.
   */
  private synchronized void sendCurrent() {
    send(current);
  }

  private WorkerStatus status() {
    return new WorkerStatus(
        workerId,
        sessionId,
        applied == null ? 0 : applied.epoch(),
        applied == null ? 0 : applied.revision(),
        applied == null ? null : applied.phase(),
        share.isProducing(),
        0);
  }

  private void send(WorkerStatus s) {
    WorkerStatus stamped =
        new WorkerStatus(
            s.workerId(),
            s.sessionId(),
            s.epoch(),
            s.revision(),
            s.phase(),
            s.producing(),
            System.currentTimeMillis());
    bus.send(bus.topics().status(), workerId, Codec.encode(stamped));
  }

  private void report(boolean finished) {
    if (applied == null || !share.isRunning()) {
      return;
    }
    nextReportNanos = clock.nanoTime() + applied.reportIntervalMillis() * 1_000_000L;
    IntervalReport r = share.report(applied.epoch(), finished);
    bus.send(bus.topics().results(), workerId, Codec.encode(r));
  }

  private void shutdown() {
    if (share.isRunning()) {
      share.stopAll();
      share.error("worker " + workerId + " stopped on request (SIGTERM)");
      report(true);
      share.close();
    }
    applied = null;
    heartbeat.close();
    beat();
    bus.flush();
    control.close(Duration.ofSeconds(2));
    membership.close(
        CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
            .withTimeout(Duration.ofSeconds(5)));
    done = true;
  }

  /**
   * Returns the time until the next timed task: a counter sample (while a run is active), a report
   * (while running), a membership poll (while joining; once a second after), at most a second.
   */
  @Override
  public long nanosUntilWork() {
    if (stopRequested || desired != applied) {
      return 0;
    }
    long now = clock.nanoTime();
    long next = Math.min(now + IDLE_WAIT_NANOS, nextMembershipNanos);
    if (share.isRunning()) {
      next = Math.min(next, Math.min(nextSampleNanos, nextReportNanos));
    }
    return Math.max(0, next - now);
  }

  @Override
  public String roleName() {
    return "worker-" + workerId;
  }

  /** Returns the errors seen so far (for tests and the log). */
  public List<String> errors() {
    return new ArrayList<>(share.errors());
  }

  /** Returns the topics of the producers started so far (for tests). */
  Map<Long, String> producerTopics() {
    return new HashMap<>(share.producerTopics());
  }
}
