package dev.ballast.app.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.ballast.core.doctor.Diagnosis;
import dev.ballast.core.doctor.Fix;
import dev.ballast.core.doctor.Incident;
import dev.ballast.core.doctor.IncidentKind;
import dev.ballast.core.doctor.PartitionRef;
import dev.ballast.core.doctor.ScaleOut;
import dev.ballast.core.doctor.Severity;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The capacity fix stepped on a fake clock with fake cluster actions and inline background jobs:
 * every step in order, and each wait that runs past its limit (or a step that fails) ends it.
 */
class CapacityFixTest {

  private static final long S = 1_000_000_000L;
  private static final long STEP = S / 10;

  @TempDir Path dir;

  private long now;
  private final List<String> log = new ArrayList<>();
  private final List<String> calls = new ArrayList<>();
  private final List<Double> factors = new ArrayList<>();
  private int diagnosedCalls;
  private boolean stopped;
  private boolean onSchedule = true;
  private long backlogSentAt = 20 * S;
  private long appliedAt = Long.MAX_VALUE;
  private IntSupplier urps = () -> now >= 10 * S && now - appliedAt < 5 * S ? 3 : 0;
  private final List<Diagnosis> diagnoses =
      new ArrayList<>(List.of(overloaded(), healthy(List.of(new PartitionRef("orders", 0)))));
  private int nextBroker = 2;

  private final CapacityActions actions =
      new CapacityActions() {
        @Override
        public int underReplicated() {
          return urps.getAsInt();
        }

        @Override
        public Diagnosis diagnose(Duration window) {
          calls.add("diagnose " + window.toSeconds() + " s");
          return diagnoses.remove(0);
        }

        @Override
        public List<Path> writeFix(Diagnosis d) {
          calls.add("write");
          return List.of(dir.resolve("fix").resolve("diagnosis.txt"));
        }

        @Override
        public List<String> describe(Diagnosis d) {
          return List.of("capacity insufficient");
        }

        @Override
        public int addBroker() {
          calls.add("add");
          return nextBroker++;
        }

        @Override
        public boolean apply(Fix fix, Duration limit) {
          calls.add(
              fix.scaleOut() != null
                  ? "rebalance"
                  : "elect " + fix.preferredElection().get(0).name());
          appliedAt = Math.min(appliedAt, now);
          return true;
        }
      };

  /** Runs each job inline; a job that throws fails on its next check, as a thread's would. */
  private static final BackgroundJobs INLINE =
      action -> {
        String failure = null;
        try {
          action.run();
        } catch (RuntimeException e) {
          failure = e.getMessage();
        }
        String f = failure;
        return new BackgroundJobs.Job() {
          @Override
          public boolean isDone() {
            if (f != null) {
              throw new IllegalStateException("trigger failed: " + f);
            }
            return true;
          }

          @Override
          public void await(Duration limit) {}
        };
      };

  /** Runs each job on the step after the one that started it, as a thread would end later. */
  private static final BackgroundJobs LATER =
      action ->
          new BackgroundJobs.Job() {
            private boolean ran;

            @Override
            public boolean isDone() {
              if (!ran) {
                ran = true;
                return false;
              }
              action.run();
              return true;
            }

            @Override
            public void await(Duration limit) {}
          };

  private BackgroundJobs background = INLINE;

  private CapacityFix fix() {
    return new CapacityFix(
        Scenarios.capacity(true),
        actions,
        dir,
        log::add,
        Duration.ofSeconds(6),
        new CapacityLoad(
            () -> stopped,
            () -> onSchedule,
            () -> now >= backlogSentAt,
            factors::add,
            () -> diagnosedCalls++),
        () -> now,
        background);
  }

  /** Steps {@code fix} every 100 ms of fake time until it is done (or throws). */
  private void drive(CapacityFix fix) {
    for (int i = 0; i < 100_000; i++) {
      if (fix.doWork(now)) {
        return;
      }
      now += STEP;
    }
    throw new AssertionError("the fix never ended");
  }

  @Test
  void stepsThroughDiagnosisScaleOutRebalanceAndSecondLook() {
    CapacityFix fix = fix();
    drive(fix);

    assertThat(calls)
        .containsExactly(
            "diagnose 6 s", "write", "add", "add", "rebalance", "diagnose 12 s", "elect orders-0");
    assertThat(factors).containsExactly(CapacityFix.BASE_LOAD, 1.0);
    assertThat(diagnosedCalls).isEqualTo(1);
    CapacityChecks.Evidence e = fix.evidence();
    assertThat(e.underReplicatedSeen()).isEqualTo(3);
    assertThat(e.applied()).isTrue();
    assertThat(e.added()).containsExactly(2, 3);
    assertThat(e.underReplicatedUnderSpike()).isZero();
    assertThat(e.afterFix().incidents()).isEmpty();
    // The doctor is called once the backlog is sent (20 s); the URPs end 5 s after the rebalance.
    assertThat(e.secondsToHealthy()).isCloseTo(5.2, within(0.05));
    // The spike is watched for twice the window before the doctor looks again.
    assertThat(now).isBetween(20 * S + 5 * S + 12 * S, 20 * S + 5 * S + 12 * S + S);
    assertThat(log)
        .contains(
            "3 partition(s) under-replicated: followers cannot keep up with brokers capped at"
                + " 850.0 kB/s",
            "doctor | capacity insufficient",
            "fix written: fix/diagnosis.txt",
            "broker 2 registered",
            "broker 3 registered",
            "no partition under-replicated 5.2 s after step 1 began; the spike returns",
            "doctor after the fix: no incident");
  }

  @Test
  void jobsThatEndOnALaterStepAreWaitedForWithoutBlockingTheStep() {
    background = LATER;
    CapacityFix fix = fix();
    drive(fix);

    assertThat(calls)
        .containsExactly(
            "diagnose 6 s", "write", "add", "add", "rebalance", "diagnose 12 s", "elect orders-0");
    CapacityChecks.Evidence e = fix.evidence();
    assertThat(e.underReplicatedSeen()).isEqualTo(3);
    assertThat(e.added()).containsExactly(2, 3);
    assertThat(e.underReplicatedUnderSpike()).isZero();
    assertThat(e.secondsToHealthy()).isBetween(5.0, 5.5);
  }

  @Test
  void noOverloadWithinItsLimitEndsTheFixAtThatDeadline() {
    urps = () -> 0;
    CapacityFix fix = fix();
    assertThatThrownBy(() -> drive(fix))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "no partition fell out of sync within 90 s: the cap is not tight enough for this load");
    assertThat(now).isBetween(CapacityFix.OVERLOAD_LIMIT.toNanos(), 91 * S);
    assertThat(calls).isEmpty();
    assertThat(fix.evidence().underReplicatedSeen()).as("the load overwhelms the cluster").isZero();
  }

  @Test
  void partitionsStillUnderReplicatedAfterTheFixEndItAtItsDeadline() {
    urps = () -> now >= 10 * S ? 2 : 0;
    CapacityFix fix = fix();
    assertThatThrownBy(() -> drive(fix))
        .hasMessage("2 partition(s) still under-replicated 120 s after the fix");
    assertThat(factors).containsExactly(CapacityFix.BASE_LOAD);
    assertThat(fix.evidence().secondsToHealthy()).isNaN();
  }

  @Test
  void producersThatNeverReturnToScheduleEndItAtItsDeadline() {
    onSchedule = false;
    assertThatThrownBy(() -> drive(fix()))
        .hasMessage(
            "timed out after 90 s waiting for the producers to send their backlog and return to"
                + " schedule");
    assertThat(now).isBetween(100 * S, 101 * S);
  }

  @Test
  void aDoctorWithoutCapacityIncidentAFailedBrokerOrAStopEndsIt() {
    diagnoses.set(0, healthy(List.of()));
    assertThatThrownBy(() -> drive(fix()))
        .hasMessage("the doctor did not find CapacityInsufficient; it found no incident");

    now = 0;
    diagnoses.set(0, overloaded());
    nextBroker = 5;
    assertThatThrownBy(() -> drive(fix()))
        .hasMessage(
            "trigger failed: the new brokers got ids [5, 6] but the fix was planned for [2, 3]");

    now = 0;
    stopped = true;
    assertThatThrownBy(() -> drive(fix())).hasMessage("stopped");
  }

  private static Diagnosis overloaded() {
    Incident capacity =
        new Incident(
            "capacity-insufficient",
            IncidentKind.CAPACITY_INSUFFICIENT,
            Severity.CRITICAL,
            "brokers at their network cap",
            List.of(),
            "too few brokers",
            "add brokers, then rebalance");
    ScaleOut scaleOut = new ScaleOut(2, 4, 2, List.of(2, 3), "the load needs 4");
    return new Diagnosis(
        2,
        6,
        List.of(capacity),
        new Fix(scaleOut, List.of(), "", List.of(), List.of(), List.of()),
        List.of());
  }

  private static Diagnosis healthy(List<PartitionRef> election) {
    return new Diagnosis(
        4, 6, List.of(), new Fix(null, List.of(), "", election, List.of(), List.of()), List.of());
  }
}
