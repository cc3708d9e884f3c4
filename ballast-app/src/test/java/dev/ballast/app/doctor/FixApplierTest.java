package dev.ballast.app.doctor;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ballast.core.doctor.Fix;
import dev.ballast.core.doctor.ScaleOut;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code --apply} refuses to rebalance onto brokers that step 1 has not added yet. */
class FixApplierTest {

  private static final Fix GROW =
      new Fix(
          new ScaleOut(2, 4, 2, List.of(2, 3), "test"),
          List.of(),
          "",
          List.of(),
          List.of(),
          List.of());

  @Test
  void refusesBeforeTheNewBrokersExist() {
    assertThatThrownBy(() -> FixApplier.requireStepOneDone(GROW, List.of(0, 1)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith(
            "step 1 comes first: the rebalance moves replicas onto brokers [2, 3], which are not"
                + " in the cluster yet (brokers: [0, 1])");
  }

  @Test
  void proceedsOnceTheyDo() {
    assertThatCode(() -> FixApplier.requireStepOneDone(GROW, List.of(0, 1, 2, 3)))
        .doesNotThrowAnyException();
  }
}
