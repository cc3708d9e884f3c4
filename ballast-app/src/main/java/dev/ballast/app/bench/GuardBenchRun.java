package dev.ballast.app.bench;

import static java.util.Objects.requireNonNull;

import dev.ballast.kafka.AdminCalls;
import dev.ballast.kafka.canary.CanaryProber;
import dev.ballast.kafka.exec.ExecutionProgress;
import dev.ballast.kafka.exec.ExecutorSettings;
import dev.ballast.kafka.exec.GuardDecision;
import dev.ballast.kafka.exec.PlanExecutor;
import dev.ballast.kafka.exec.Reassignment;
import dev.ballast.workload.spec.MessageSizeSpec;
import dev.ballast.workload.spec.ProducerSpec;
import dev.ballast.workload.worker.LocalWorker;
import dev.ballast.workload.worker.PeriodStats;
import dev.ballast.workload.worker.ProducerAssignment;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * One run of {@code bench guard}: a topic of 6 single-replica partitions placed 4-1-1 under a
 * steady load, then the moves that make it 2-2-2, with the produce p99 of every second recorded
 * from the load's start to a while after the moves ended.
 */
final class GuardBenchRun {

  /** How often the loop steps the canary and the executor. */
  private static final long STEP_NANOS = 100_000_000L;

  /** How often the load's latency is read. */
  private static final long PERIOD_NANOS = 1_000_000_000L;

  /**
   * What the bench knows of one run.
   *
   * @param seconds time of the period's end, from the start of the moves (negative before)
   * @param produceP99Ms the producers' p99 (from the intended send time) in that second
   * @param inFlight moves in flight at the period's end
   */
  record Point(double seconds, double produceP99Ms, int inFlight) {}

  /**
   * The figures of one run.
   *
   * @param points the produce p99 of every second
   * @param movesSeconds how long the moves took, start to the end of the execution
   * @param baselineP99Ms the median per-second produce p99 over the second half of the fill
   * @param worstP99Ms the worst per-second produce p99 while moving
   * @param medianP99Ms the median per-second produce p99 while moving
   * @param canaryP99Ms the canary's p99 over every probe while moving
   * @param movedBytes about how many bytes the moves copied (the load acknowledged, per partition)
   * @param end the execution's end
   */
  record Outcome(
      List<Point> points,
      double movesSeconds,
      double baselineP99Ms,
      double worstP99Ms,
      double medianP99Ms,
      double canaryP99Ms,
      long movedBytes,
      ExecutionProgress end) {}

  private final Admin admin;
  private final Map<String, Object> client;
  private final CanaryProber prober;
  private final double messagesPerSecond;

  GuardBenchRun(
      Admin admin, Map<String, Object> client, CanaryProber prober, double messagesPerSecond) {
    this.admin = requireNonNull(admin, "admin");
    this.client = requireNonNull(client, "client");
    this.prober = requireNonNull(prober, "prober");
    this.messagesPerSecond = messagesPerSecond;
  }

  /**
   * Runs the load on a new topic {@code topic} for {@code fill}, executes the 4-1-1 to 2-2-2 moves
   * with {@code settings}, keeps the load on for {@code after}, and deletes the topic; each guard
   * decision goes to {@code decisions}.
   */
  Outcome run(
      String topic,
      Duration fill,
      Duration after,
      ExecutorSettings settings,
      Consumer<GuardDecision> decisions) {
    createFourOneOne(topic);
    List<Point> points = new ArrayList<>();
    List<Double> canary = new ArrayList<>();
    try (LocalWorker worker = LocalWorker.create()) {
      worker.startProducers(List.of(producer(topic)));
      long start = System.nanoTime();
      long movesAt = start + fill.toNanos();
      Sampler sampler = new Sampler(worker, movesAt, points);
      while (System.nanoTime() - movesAt < 0) {
        sampler.step(null);
        LockSupport.parkNanos(STEP_NANOS);
      }
      long movedBytes = worker.totals().ackedBytes() / 6 * 2;
      PlanExecutor executor = new PlanExecutor(admin, settings);
      executor.start(
          List.of(
              new Reassignment(topic, 2, List.of(1), 0),
              new Reassignment(topic, 3, List.of(2), 0)));
      int window = -1;
      while (!executor.isFinished()) {
        long now = System.nanoTime();
        if (prober.doWork(now) > 0) {
          executor.onCanaryRound(prober.lastRound());
          canary.addAll(prober.lastRound().values());
        }
        executor.doWork(now);
        ExecutionProgress p = executor.progress();
        GuardDecision d = p.guard().orElse(null);
        if (d != null && d.window() != window) {
          window = d.window();
          decisions.accept(d);
        }
        sampler.step(p);
        LockSupport.parkNanos(STEP_NANOS);
      }
      long movesEnd = System.nanoTime();
      while (System.nanoTime() - movesEnd - after.toNanos() < 0) {
        sampler.step(executor.progress());
        LockSupport.parkNanos(STEP_NANOS);
      }
      worker.stopProducers();
      double movesSeconds = (movesEnd - movesAt) / 1e9;
      List<Double> baseline =
          points.stream()
              .filter(p -> p.seconds() <= 0 && p.seconds() > -fill.toSeconds() / 2.0)
              .map(Point::produceP99Ms)
              .toList();
      List<Double> moving =
          points.stream()
              .filter(p -> p.seconds() > 0 && p.seconds() < movesSeconds + 1)
              .map(Point::produceP99Ms)
              .toList();
      return new Outcome(
          points,
          movesSeconds,
          percentile(baseline, 0.5),
          moving.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN),
          percentile(moving, 0.5),
          percentile(canary, 0.99),
          movedBytes,
          executor.progress());
    } finally {
      AdminCalls.get(
          admin.deleteTopics(List.of(topic)).all(), Duration.ofSeconds(30), "delete " + topic);
    }
  }

  /** Reads the load's latency once a second. */
  private static final class Sampler {
    private final LocalWorker worker;
    private final long movesAt;
    private final List<Point> points;
    private long next;

    Sampler(LocalWorker worker, long movesAt, List<Point> points) {
      this.worker = worker;
      this.movesAt = movesAt;
      this.points = points;
      this.next = System.nanoTime() + PERIOD_NANOS;
      worker.periodStats(); // start the first period now
    }

    void step(ExecutionProgress progress) {
      long now = System.nanoTime();
      if (now - next < 0) {
        return;
      }
      next = now + PERIOD_NANOS;
      PeriodStats s = worker.periodStats();
      if (s.intended().count() > 0) {
        points.add(
            new Point(
                (now - movesAt) / 1e9,
                s.intended().p99() / 1e6,
                progress == null ? 0 : progress.inFlight()));
      }
    }
  }

  private void createFourOneOne(String topic) {
    Map<Integer, List<Integer>> placement =
        Map.of(
            0,
            List.of(0),
            1,
            List.of(0),
            2,
            List.of(0),
            3,
            List.of(0),
            4,
            List.of(1),
            5,
            List.of(2));
    AdminCalls.get(
        admin.createTopics(List.of(new NewTopic(topic, placement))).all(),
        Duration.ofSeconds(30),
        "create " + topic);
  }

  private ProducerAssignment producer(String topic) {
    ProducerSpec spec =
        new ProducerSpec(
            topic,
            1,
            messagesPerSecond,
            null,
            MessageSizeSpec.fixed(1000),
            null,
            null,
            null,
            Collections.nCopies(6, 1L),
            null,
            Map.of("acks", "all", "linger.ms", "5", "enable.idempotence", "true"));
    return ProducerAssignment.of(spec, 0, topic.hashCode() & 0xffff, client);
  }

  /** Returns the nearest-rank percentile {@code q} of {@code values}, NaN for none. */
  static double percentile(List<Double> values, double q) {
    if (values.isEmpty()) {
      return Double.NaN;
    }
    List<Double> sorted = new ArrayList<>(values);
    sorted.sort(Double::compare);
    int rank = (int) Math.ceil(q * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank)));
  }
}
