package dev.ballast.workload.remote;

import static java.util.Objects.requireNonNull;

import dev.ballast.core.loop.AgentRunner;
import dev.ballast.core.loop.ParkingIdleStrategy;
import dev.ballast.workload.rate.NanoClock;
import dev.ballast.workload.worker.ConsumerAssignment;
import dev.ballast.workload.worker.PeriodStats;
import dev.ballast.workload.worker.ProducerAssignment;
import dev.ballast.workload.worker.RunListener;
import dev.ballast.workload.worker.Worker;
import dev.ballast.workload.worker.WorkerResult;
import dev.ballast.workload.worker.WorkerTotals;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * Runs a workload on remote worker processes through the control topics: splits each start over the
 * registered workers, publishes every worker's desired state, waits until they act on it, merges
 * their reports exactly (histograms added, counters summed, continuity judged across workers), and
 * pauses the run while a dead worker awaits its replacement. Thread-safe.
 */
public final class RemoteWorkers implements Worker {

  private final ControlBus bus;
  private final RemoteSettings settings;
  private final NanoClock clock;
  private final RunListener listener;
  private final LivenessTracker liveness;
  private final ReportAggregator reports;
  private final Map<String, WorkerStatus> statuses = new HashMap<>();
  private final Map<String, List<ProducerShare>> producers = new LinkedHashMap<>();
  private final Map<String, List<ConsumerShare>> consumers = new LinkedHashMap<>();
  private final Map<String, String> groupTopics = new LinkedHashMap<>();
  private final Map<String, Integer> groupSizes = new HashMap<>();
  private final AgentRunner loop;
  private RunSupervisor supervisor;
  private List<String> roster = List.of();
  private long revision;
  private double factor = 1;
  private int warmupGeneration;
  private long reportRequest;
  private long reportAtMillis;
  private long lastPeriodNanos;
  private final Map<String, Duration> commandLatencies = new LinkedHashMap<>();
  private final List<AutoCloseable> alsoClose = new ArrayList<>();
  private Runnable onInconclusive = () -> {};
  private boolean inconclusiveSignalled;
  private volatile boolean closed;

  /**
   * Opens the controller of run {@code settings.epoch()} on {@code bus} (which it closes); events
   * (workers suspected, paused, replaced) go to {@code listener}.
   */
  public RemoteWorkers(
      ControlBus bus, RemoteSettings settings, NanoClock clock, RunListener listener) {
    this.bus = requireNonNull(bus, "bus");
    this.settings = requireNonNull(settings, "settings");
    this.clock = requireNonNull(clock, "clock");
    this.listener = requireNonNull(listener, "listener");
    this.liveness = new LivenessTracker(settings.heartbeat().toNanos(), settings.missedBeats());
    this.reports = new ReportAggregator(settings.epoch());
    this.lastPeriodNanos = clock.nanoTime();
    this.loop =
        AgentRunner.start(new ControlLoop(this, bus, clock), ParkingIdleStrategy.standard());
  }

  /** Closes {@code resource} (forked worker processes, say) when this closes. */
  public synchronized void alsoClose(AutoCloseable resource) {
    alsoClose.add(requireNonNull(resource, "resource"));
  }

  /** Calls {@code hook} once when the run becomes INCONCLUSIVE (to stop it early). */
  public synchronized void onInconclusive(Runnable hook) {
    this.onInconclusive = requireNonNull(hook, "hook");
  }

  /**
   * Waits until at least {@code count} workers heartbeat (at least one when {@code count} is 0:
   * then every worker seen within two heartbeats joins) and makes them this run's workers.
   */
  public synchronized List<String> awaitWorkers(int count, Duration timeout) {
    int wanted = Math.max(1, count);
    await(() -> liveness.alive().size() >= wanted, timeout);
    if (liveness.alive().size() < wanted) {
      throw new IllegalStateException(
          "only "
              + liveness.alive().size()
              + " of "
              + wanted
              + " worker(s) registered within "
              + timeout.toSeconds()
              + " s (seen: "
              + String.join(", ", liveness.alive())
              + "); start them with 'ballast worker'");
    }
    if (count == 0) {
      await(() -> false, settings.heartbeat().multipliedBy(2));
    }
    List<String> alive = liveness.alive();
    roster = List.copyOf(count == 0 ? alive : alive.subList(0, count));
    Map<String, Long> sessions = new HashMap<>();
    roster.forEach(id -> sessions.put(id, liveness.session(id)));
    supervisor =
        new RunSupervisor(
            roster, sessions, liveness, settings.grace().toNanos(), listener::onEvent);
    roster.forEach(
        id -> {
          producers.put(id, new ArrayList<>());
          consumers.put(id, new ArrayList<>());
        });
    return roster;
  }

  @Override
  public synchronized void startConsumerGroup(List<ConsumerAssignment> list, boolean catchUp) {
    requireRoster();
    if (list.isEmpty()) {
      throw new IllegalArgumentException("a consumer group needs at least one consumer");
    }
    List<ConsumerShare> shares = new ArrayList<>();
    for (ConsumerAssignment c : list) {
      shares.add(
          new ConsumerShare(c.name(), c.topic(), c.group(), catchUp, strip(c.clientConfig())));
    }
    groupTopics.put(list.get(0).group(), list.get(0).topic());
    groupSizes.put(list.get(0).group(), list.size());
    ShareSplitter.splitConsumers(shares, roster).forEach((id, s) -> consumers.get(id).addAll(s));
    publishAndWait("start consumer group " + list.get(0).group());
  }

  @Override
  public synchronized void startProducers(List<ProducerAssignment> list) {
    requireRoster();
    List<ProducerShare> shares =
        list.stream().map(p -> ProducerShare.of(p, strip(p.clientConfig()))).toList();
    ShareSplitter.splitProducers(shares, roster).forEach((id, s) -> producers.get(id).addAll(s));
    publishAndWait("start producers");
  }

  @Override
  public synchronized PeriodStats periodStats() {
    long now = clock.nanoTime();
    PeriodStats stats = reports.takePeriod(now - lastPeriodNanos);
    lastPeriodNanos = now;
    return stats;
  }

  /**
   * Returns the totals at this instant: every worker answers with its counters interpolated at the
   * wall-clock time of the question, however late the question reached it.
   */
  @Override
  public WorkerTotals totals() {
    // The instant of the question is the caller's, read before waiting for the lock (the control
    // loop holds it while it decodes reports, which arrive in bursts at the warm-up's end).
    long at = System.currentTimeMillis();
    synchronized (this) {
      requireRoster();
      reportRequest++;
      reportAtMillis = at;
      long start = clock.nanoTime();
      publish();
      long request = reportRequest;
      if (await(
          () -> liveSessions().stream().allMatch(s -> reports.answered(s, request)),
          settings.commandTimeout())) {
        commandLatencies.put("report counters", Duration.ofNanos(clock.nanoTime() - start));
      }
      return reports.totalsAt(request);
    }
  }

  @Override
  public synchronized void scaleProducerRates(double newFactor) {
    if (!(newFactor > 0) || Double.isInfinite(newFactor)) {
      throw new IllegalArgumentException("rate factor must be positive, got " + newFactor);
    }
    factor = newFactor;
    publishAndWait("scale rates by " + newFactor);
  }

  /**
   * Ends the warm-up without waiting for the workers: the run asks for the totals right after, and
   * that question must carry this instant, not the instant every worker had acted.
   */
  @Override
  public synchronized void endWarmup() {
    warmupGeneration++;
    reports.endWarmup(warmupGeneration);
    publish();
  }

  @Override
  public synchronized void stopProducers() {
    requireRoster();
    supervisor.setPhase(RunPhase.PRODUCERS_STOPPED, clock.nanoTime());
    publishAndWait("stop producers");
    await(() -> liveSessions().stream().noneMatch(this::producing), settings.commandTimeout());
  }

  private boolean producing(long session) {
    return statuses.values().stream().anyMatch(s -> s.sessionId() == session && s.producing());
  }

  @Override
  public synchronized boolean hasDrained() {
    for (Map.Entry<String, String> g : groupTopics.entrySet()) {
      if (!ContinuityMerge.consumedAll(
          reports.groupParts(g.getKey()), reports.ledgers(g.getValue()))) {
        return false;
      }
    }
    return true;
  }

  @Override
  public synchronized WorkerResult finish() {
    requireRoster();
    supervisor.setPhase(RunPhase.FINISHED, clock.nanoTime());
    publish();
    await(() -> liveSessions().stream().allMatch(reports::finished), Duration.ofSeconds(60));
    return RemoteResults.merge(reports, supervisor, groupTopics, groupSizes);
  }

  /** Returns this run's worker ids. */
  public synchronized List<String> roster() {
    return roster;
  }

  /** Returns the time paused so far because a worker died (excluded from rate checks). */
  public synchronized Duration paused() {
    return supervisor == null
        ? Duration.ZERO
        : Duration.ofNanos(supervisor.pausedNanos(clock.nanoTime()));
  }

  /** Returns, per worker death, the seconds from its last heartbeat to its confirmation. */
  public synchronized List<Double> detectionSeconds() {
    return supervisor == null ? List.of() : supervisor.detectionSeconds();
  }

  /** Returns the INCONCLUSIVE reason, or null while the run is conclusive. */
  public synchronized String inconclusive() {
    return supervisor == null ? null : supervisor.inconclusive();
  }

  /**
   * Returns, per command of this run (start consumer group G, start producers, end the warm-up,
   * scale rates by F, stop producers), the time from its publication to every worker having applied
   * it (the last time it was sent).
   */
  public synchronized Map<String, Duration> commandLatencies() {
    return Map.copyOf(commandLatencies);
  }

  /** Returns the sum of every worker session's own count of intended latencies (for checks). */
  public synchronized long workersIntendedCount() {
    return reports.intendedCountSinceWarmup();
  }

  /**
   * Returns the CPU time the worker processes spent in this run so far (between their first and
   * latest report), summed; negative when a worker cannot tell.
   */
  public synchronized Duration workerCpu() {
    return Duration.ofNanos(reports.workerCpuNanos());
  }

  /** Returns the ids of the workers that heartbeat now (any run). */
  public synchronized List<String> registered() {
    return liveness.alive();
  }

  private void publishAndWait(String what) {
    long start = clock.nanoTime();
    long target = publish();
    boolean acted =
        await(
            () ->
                roster.stream()
                    .filter(id -> !supervisor.missing().contains(id))
                    .allMatch(id -> applied(id, target)),
            settings.commandTimeout());
    if (!acted) {
      listener.onEvent("not every worker applied '" + what + "' in time");
    } else {
      commandLatencies.put(what, Duration.ofNanos(clock.nanoTime() - start));
    }
  }

  private boolean applied(String id, long target) {
    WorkerStatus s = statuses.get(id);
    Long session = supervisor.sessions().get(id);
    return s != null
        && session != null
        && s.sessionId() == session
        && s.epoch() == settings.epoch()
        && s.revision() >= target;
  }

  /** Publishes every worker's desired state under the next revision; returns the revision. */
  private long publish() {
    revision++;
    for (String id : roster) {
      DesiredState d =
          new DesiredState(
              settings.epoch(),
              revision,
              supervisor.phase(),
              factor,
              warmupGeneration,
              reportRequest,
              reportAtMillis,
              settings.reportInterval().toMillis(),
              producers.get(id),
              consumers.get(id));
      bus.send(bus.topics().control(), id, Codec.encode(d));
    }
    bus.flush();
    return revision;
  }

  private List<Long> liveSessions() {
    return supervisor.sessions().entrySet().stream()
        .filter(e -> !supervisor.missing().contains(e.getKey()))
        .map(Map.Entry::getValue)
        .toList();
  }

  /** Waits (releasing the lock) until {@code condition} holds; returns whether it did. */
  private boolean await(BooleanSupplier condition, Duration timeout) {
    long deadline = clock.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      long left = deadline - clock.nanoTime();
      if (left <= 0) {
        return false;
      }
      try {
        wait(Math.max(1, Math.min(left / 1_000_000L, 100)));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return true;
  }

  private Map<String, String> strip(Map<String, Object> config) {
    Map<String, String> out = new HashMap<>();
    config.forEach(
        (k, v) -> {
          if (!v.equals(settings.connectionConfig().get(k))) {
            out.put(k, v.toString());
          }
        });
    return out;
  }

  private void requireRoster() {
    if (supervisor == null) {
      throw new IllegalStateException("call awaitWorkers before starting the run");
    }
  }

  synchronized void onStatus(WorkerStatus s) {
    if (supervisor == null) {
      liveness.beat(s.workerId(), s.sessionId(), clock.nanoTime());
    } else if (supervisor.onStatus(s, clock.nanoTime())) {
      publish();
    }
    // Keep the newest status of a session: the status topic keeps the order of one worker's
    // writes, but a late heartbeat must not hide a revision already reported.
    WorkerStatus old = statuses.get(s.workerId());
    if (old == null
        || old.sessionId() != s.sessionId()
        || old.epoch() != s.epoch()
        || old.revision() <= s.revision()) {
      statuses.put(s.workerId(), s);
    }
    notifyAll();
  }

  synchronized void onReport(IntervalReport r) {
    if (reports.accept(r)) {
      notifyAll();
    }
  }

  /** Suspects silent workers; returns whether the worker group should be listed. */
  synchronized boolean onTick() {
    if (supervisor == null) {
      liveness.suspect(clock.nanoTime());
      return false;
    }
    boolean check = supervisor.onTick(clock.nanoTime());
    if (supervisor.inconclusive() != null && !inconclusiveSignalled) {
      inconclusiveSignalled = true;
      onInconclusive.run();
    }
    return check;
  }

  synchronized void onMembers(java.util.Set<String> members) {
    if (supervisor != null && supervisor.onMembers(members, clock.nanoTime())) {
      publish();
    }
    notifyAll();
  }

  /** Returns whether {@link #close()} was called. */
  public boolean isClosed() {
    return closed;
  }

  /**
   * Stops the control loop, removes the run's control records and closes the bus (once: closing
   * again does nothing). The workers go idle and serve the next run.
   */
  @Override
  public void close() {
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
    }
    loop.close();
    synchronized (this) {
      for (String id : roster) {
        bus.send(bus.topics().control(), id, null);
      }
    }
    bus.flush();
    bus.close();
    for (AutoCloseable resource : alsoClose) {
      try {
        resource.close();
      } catch (Exception e) {
        listener.onEvent("cannot close " + resource + ": " + e.getMessage());
      }
    }
  }
}
