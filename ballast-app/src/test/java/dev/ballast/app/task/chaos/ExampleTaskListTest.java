package dev.ballast.app.task.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ballast.app.task.TaskCatalog;
import dev.ballast.app.task.TaskEntry;
import dev.ballast.app.task.TaskListReader;
import dev.ballast.app.task.TaskOptions;
import dev.ballast.app.task.txn.TransactionsConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The shipped task list binds the fault and transaction tasks through the service loader. */
class ExampleTaskListTest {

  private final TaskListReader reader = new TaskListReader(TaskCatalog.load());

  @Test
  void theFourTasksAreRegisteredAndTheirExampleEntriesBind() {
    Map<String, TaskEntry> entries =
        reader.read(Path.of("..", "examples", "marathon.yaml")).stream()
            .collect(Collectors.toMap(TaskEntry::name, Function.identity()));
    assertThat(entries).containsKeys("chaos", "transactions", "rolling-restart", "leader-skew");
    ChaosConfig chaos = (ChaosConfig) entries.get("chaos").config();
    assertThat(chaos.leaderLimit()).isEqualTo(Duration.ofSeconds(60));
    assertThat(chaos.resolve(true).downFor()).isEqualTo(Duration.ofSeconds(10));
    assertThat(chaos.resolve(false).downFor()).isEqualTo(Duration.ofSeconds(30));
    TransactionsConfig txn = (TransactionsConfig) entries.get("transactions").config();
    assertThat(txn.isolation()).isEqualTo("read_committed");
    for (String name : List.of("chaos", "transactions", "rolling-restart", "leader-skew")) {
      assertThat(entries.get(name).create(new TaskOptions(true, false)).checkers())
          .as(name)
          .isNotEmpty();
    }
  }

  @Test
  void aBadValueIsRefusedWithTheField() {
    String yaml = "tasks:\n  - type: transactions\n    config:\n      isolation: read_dirty\n";
    assertThatThrownBy(() -> reader.parse(yaml, "t.yaml"))
        .hasMessageContaining("isolation must be read_committed or read_uncommitted");
    String unknown = "tasks:\n  - type: chaos\n    config:\n      killEvery: 5s\n";
    assertThatThrownBy(() -> reader.parse(unknown, "t.yaml")).hasMessageContaining("killEvery");
  }
}
