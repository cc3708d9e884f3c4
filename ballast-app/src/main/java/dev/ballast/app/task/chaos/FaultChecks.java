package dev.ballast.app.task.chaos;

import static java.util.Objects.requireNonNull;

import dev.ballast.app.task.Checker;
import dev.ballast.app.task.Severity;
import dev.ballast.app.task.Verdict;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The checkers of the fault tasks, each a pure function of the recorded run: a missing observation
 * is INCONCLUSIVE, a lost or duplicated message a CRITICAL FAIL, a missed recovery time an ERROR
 * FAIL.
 */
public final class FaultChecks {

  private FaultChecks() {}

  /** Returns "every partition led by a live broker within {@code limit} of the kill". */
  public static Checker leaderRecovery(Duration limit) {
    String name = "leader-recovery";
    return new NamedChecker(
        name,
        run -> {
          Optional<Observed.Fault> fault = run.observation(Observed.FAULT);
          if (fault.isEmpty()) {
            return Verdict.inconclusive(name, "no broker was killed", "no fault recorded");
          }
          Observed.Fault f = fault.get();
          if (f.leadersBackNanos() < 0) {
            return Verdict.fail(
                name,
                Severity.ERROR,
                "partitions stayed without a live leader after broker " + f.broker() + " died",
                "never every partition led by a live broker; limit " + seconds(limit));
          }
          double s = (f.leadersBackNanos() - f.killNanos()) / 1e9;
          String evidence =
              String.format(
                  "%.1f s from kill -9 of broker %d (limit %s)", s, f.broker(), seconds(limit));
          return s <= limit.toNanos() / 1e9
              ? Verdict.pass(name, "every partition led by a live broker after " + fmt(s), evidence)
              : Verdict.fail(
                  name, Severity.ERROR, "leaders recovered only after " + fmt(s), evidence);
        });
  }

  /** Returns "the restarted broker back in every ISR within {@code limit} of its restart". */
  public static Checker isrRecovery(Duration limit) {
    String name = "isr-recovery";
    return new NamedChecker(
        name,
        run -> {
          Optional<Observed.Fault> fault = run.observation(Observed.FAULT);
          if (fault.isEmpty() || fault.get().restartNanos() < 0) {
            return Verdict.inconclusive(name, "no broker was restarted", "no restart recorded");
          }
          Observed.Fault f = fault.get();
          if (f.isrBackNanos() < 0) {
            return Verdict.fail(
                name,
                Severity.ERROR,
                "broker " + f.broker() + " did not rejoin every ISR",
                "not in every ISR of its replicas when the task stopped watching");
          }
          double s = (f.isrBackNanos() - f.restartNanos()) / 1e9;
          String evidence =
              String.format(
                  "broker %d in every ISR %.1f s after restart (limit %s)",
                  f.broker(), s, seconds(limit));
          return s <= limit.toNanos() / 1e9
              ? Verdict.pass(
                  name, "broker " + f.broker() + " back in every ISR after " + fmt(s), evidence)
              : Verdict.fail(name, Severity.ERROR, "ISR recovered only after " + fmt(s), evidence);
        });
  }

  /**
   * Returns "produce throughput back to {@code fraction} of the target within {@code limit} of the
   * fault".
   */
  public static Checker throughputRecovery(double fraction, Duration limit) {
    String name = "throughput-recovery";
    return new NamedChecker(
        name,
        run -> {
          Optional<Observed.Throughput> t = run.observation(Observed.THROUGHPUT);
          if (t.isEmpty() || t.get().faultNanos() < 0) {
            return Verdict.inconclusive(name, "no throughput around a fault", "nothing recorded");
          }
          double s = calculateRecoverySeconds(t.get(), fraction, 3);
          if (Double.isNaN(s)) {
            return Verdict.inconclusive(
                name,
                "too few rate samples after the fault",
                t.get().samples().size() + " samples");
          }
          String evidence =
              String.format(
                  "target %.0f msg/s; %.0f%% of it held from %s after the fault (limit %s)",
                  t.get().targetPerSecond(),
                  fraction * 100,
                  s < 0 ? "never" : fmt(s),
                  seconds(limit));
          if (s < 0 || s > limit.toNanos() / 1e9) {
            return Verdict.fail(
                name,
                Severity.ERROR,
                s < 0 ? "throughput never recovered" : "throughput recovered only after " + fmt(s),
                evidence);
          }
          return Verdict.pass(name, "throughput back after " + fmt(s), evidence);
        });
  }

  /**
   * Returns seconds from the fault to the first period after it from which {@code hold} periods in
   * a row (or all that remain) reach {@code fraction} of the target; -1 when none does, NaN when
   * fewer than {@code hold} periods follow the fault.
   */
  public static double calculateRecoverySeconds(Observed.Throughput t, double fraction, int hold) {
    List<Observed.RateSample> after =
        t.samples().stream().filter(s -> s.nanos() > t.faultNanos()).toList();
    if (after.size() < hold) {
      return Double.NaN;
    }
    double threshold = fraction * t.targetPerSecond();
    for (int i = 0; i < after.size(); i++) {
      boolean held = true;
      for (int j = i; j < Math.min(after.size(), i + hold); j++) {
        held &= after.get(j).perSecond() >= threshold;
      }
      if (held && i + hold <= after.size()) {
        // the period before this one ended below the threshold (or is the fault's own)
        long from = i == 0 ? t.faultNanos() : after.get(i - 1).nanos();
        return Math.max(0, from - t.faultNanos()) / 1e9;
      }
    }
    return -1;
  }

  /** Returns "at most {@code maxFailed} produce errors and p99 within {@code maxP99}". */
  public static Checker produceHealth(long maxFailed, Duration maxP99) {
    String name = "produce-health";
    return new NamedChecker(
        name,
        run -> {
          Optional<Observed.Load> load = run.observation(Observed.LOAD);
          if (load.isEmpty() || load.get().acked() == 0) {
            return Verdict.inconclusive(name, "no produce to judge", "nothing acked");
          }
          Observed.Load l = load.get();
          double limitMs = maxP99.toNanos() / 1e6;
          String evidence =
              String.format(
                  "%d sent, %d acked, %d failed (limit %d); p99 %.1f ms (limit %.0f ms)",
                  l.sent(), l.acked(), l.failed(), maxFailed, l.p99Millis(), limitMs);
          if (l.failed() > maxFailed) {
            return Verdict.fail(name, Severity.ERROR, l.failed() + " produce errors", evidence);
          }
          if (l.p99Millis() > limitMs) {
            return Verdict.fail(
                name,
                Severity.ERROR,
                String.format("produce p99 %.0f ms", l.p99Millis()),
                evidence);
          }
          return Verdict.pass(name, "produce errors and p99 within bounds", evidence);
        });
  }

  /**
   * Returns "leadership even again within {@code limit} of the skew"; when {@code needsSkew}, a run
   * whose leadership was never skewed is INCONCLUSIVE (nothing was tested).
   */
  public static Checker leaderBalance(Duration limit, boolean needsSkew) {
    String name = "leader-balance";
    return new NamedChecker(
        name,
        run -> {
          Optional<Observed.Balance> balance = run.observation(Observed.BALANCE);
          if (balance.isEmpty()) {
            return Verdict.inconclusive(name, "leadership was not watched", "nothing recorded");
          }
          Observed.Balance b = balance.get();
          if (needsSkew && Leadership.balanced(b.skewed())) {
            return Verdict.inconclusive(
                name,
                "leadership was never skewed, so nothing was tested",
                "leaders " + b.skewed());
          }
          double s = b.balancedNanos() < 0 ? -1 : (b.balancedNanos() - b.skewNanos()) / 1e9;
          String evidence =
              String.format(
                  "balancer %s; leaders per broker %s when skewed, %s at the end; even %s (limit %s)",
                  b.balancer(),
                  b.skewed(),
                  b.end(),
                  s < 0 ? "never" : "after " + fmt(s),
                  seconds(limit));
          if (s < 0 || s > limit.toNanos() / 1e9 || !Leadership.balanced(b.end())) {
            return Verdict.fail(
                name,
                Severity.ERROR,
                "leadership not balanced again within " + seconds(limit) + ": " + b.end(),
                evidence);
          }
          return Verdict.pass(name, "leadership balanced again after " + fmt(s), evidence);
        });
  }

  /** Returns "every broker of the rolling restart back in every ISR, each within {@code limit}". */
  public static Checker rollingRecovery(Duration limit) {
    String name = "restart-recovery";
    return new NamedChecker(
        name,
        run -> {
          Optional<Observed.Rolling> rolling = run.observation(Observed.ROLLING);
          if (rolling.isEmpty() || rolling.get().restarts().isEmpty()) {
            return Verdict.inconclusive(name, "no broker was restarted", "nothing recorded");
          }
          Observed.Rolling r = rolling.get();
          StringBuilder evidence = new StringBuilder();
          Observed.Restart worst = null;
          for (Observed.Restart t : r.restarts()) {
            evidence.append(
                String.format(
                    "broker %d: %s; ",
                    t.broker(), t.seconds() < 0 ? "not back" : fmt(t.seconds())));
            if (t.seconds() < 0 || t.seconds() > limit.toNanos() / 1e9) {
              worst = worst == null ? t : worst;
            }
          }
          evidence.append("limit ").append(seconds(limit)).append(" per broker");
          if (r.restarts().size() < r.brokers().size()) {
            return Verdict.fail(
                name,
                Severity.ERROR,
                "only " + r.restarts().size() + " of " + r.brokers().size() + " brokers restarted",
                evidence.toString());
          }
          if (worst != null) {
            return Verdict.fail(
                name,
                Severity.ERROR,
                "broker " + worst.broker() + " did not rejoin every ISR in time",
                evidence.toString());
          }
          return Verdict.pass(
              name, "every broker restarted and back in every ISR", evidence.toString());
        });
  }

  static String fmt(double seconds) {
    return String.format("%.1f s", seconds);
  }

  private static String seconds(Duration d) {
    return fmt(requireNonNull(d, "limit").toNanos() / 1e9);
  }
}
