package dev.ballast.app.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ballast.app.metrics.Fixtures;
import dev.ballast.core.detect.Anomaly;
import dev.ballast.core.detect.AnomalyKind;
import dev.ballast.core.model.ClusterModel;
import dev.ballast.core.plan.Plan;
import dev.ballast.core.plan.PlannerOptions;
import dev.ballast.kafka.exec.ExecutionPhase;
import dev.ballast.kafka.exec.ExecutionProgress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class DashboardStateTest {

  private final AtomicLong wall = new AtomicLong(1_000);
  private final DashboardState state = new DashboardState(wall::get, PlannerOptions.defaults(), 3);

  @Test
  void historyKeepsTheLastPointsWithTheScore() {
    ClusterModel model = Fixtures.skewed();
    for (int i = 0; i < 5; i++) {
      wall.addAndGet(1_000);
      state.onSample(model, Fixtures.estimate(model), Map.of());
    }
    List<DashboardState.BalancePoint> history = state.history();
    assertThat(history).hasSize(3);
    assertThat(history.get(0).time()).isEqualTo(4_000);
    assertThat(history.get(2).time()).isEqualTo(6_000);
    assertThat(history.get(2).score()).isEqualTo(2.0);
    assertThat(history.get(2).maxOverMean()).containsEntry("replicas", 2.0);
    assertThat(state.lastSampleMillis()).isEqualTo(6_000);
  }

  @Test
  void aNewEvaluationReplacesThePlanShown() {
    Plan plan = Fixtures.plan(Fixtures.skewed());
    Anomaly imbalance = new Anomaly(AnomalyKind.IMBALANCE, List.of(), "replicas 2.00x", true);
    state.onAnomalies(List.of(imbalance));
    state.onPlan(plan, false, "dry run: proposed, not executed");
    assertThat(state.plan().plan()).isSameAs(plan);

    wall.addAndGet(5_000);
    state.onAnomalies(List.of());
    assertThat(state.plan()).isNull();
    assertThat(state.lastEvaluationMillis()).isEqualTo(6_000);
  }

  @Test
  void eventsAreNewestFirstAndRepeatedAnomaliesAreLoggedOnce() {
    Anomaly slow = new Anomaly(AnomalyKind.SLOW_BROKER, List.of(2), "p99 400 ms", true);
    state.onAnomalies(List.of(slow));
    state.onAnomalies(List.of(slow));
    wall.addAndGet(1);
    state.onExecutionFinished(
        new ExecutionProgress(ExecutionPhase.CANCELLED, 2, 0, 1, 0, 1, 0, 10, 5, List.of()));
    state.userAction("execution cancelled through the API");

    List<DashboardState.Event> events = state.events();
    assertThat(events)
        .extracting(DashboardState.Event::kind)
        .containsExactly("user", "execution", "anomaly");
    assertThat(events.get(1).text())
        .isEqualTo("execution cancelled: 1 partition(s) moved, 0 failed");
    assertThat(state.progress().phase()).isEqualTo(ExecutionPhase.CANCELLED);
  }
}
