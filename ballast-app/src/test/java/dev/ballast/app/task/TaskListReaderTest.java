package dev.ballast.app.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class TaskListReaderTest {

  /** A config with a default, a duration and a validation. */
  record DemoConfig(Integer sizeMiB, Duration deadline) {
    DemoConfig {
      sizeMiB = sizeMiB == null ? 10 : sizeMiB;
      deadline = deadline == null ? Duration.ofMinutes(5) : deadline;
      if (sizeMiB <= 0) {
        throw new IllegalArgumentException("sizeMiB must be > 0, got " + sizeMiB);
      }
    }
  }

  record LimitConfig(Integer limit) {}

  static final class DemoType implements TaskType<DemoConfig> {
    @Override
    public String name() {
      return "demo-task";
    }

    @Override
    public String description() {
      return "a test task";
    }

    @Override
    public Class<DemoConfig> configType() {
      return DemoConfig.class;
    }

    @Override
    public Task create(DemoConfig config, TaskOptions options) {
      return new ScriptedTask();
    }
  }

  static final class LimitCheckerType implements CheckerType<LimitConfig> {
    @Override
    public String name() {
      return "limit";
    }

    @Override
    public String description() {
      return "a test checker";
    }

    @Override
    public Class<LimitConfig> configType() {
      return LimitConfig.class;
    }

    @Override
    public Checker create(LimitConfig config) {
      return ScriptedTask.always(Verdict.pass("limit", "limit " + config.limit(), ""));
    }
  }

  private final TaskListReader reader =
      new TaskListReader(new TaskCatalog(List.of(new DemoType()), List.of(new LimitCheckerType())));

  private List<TaskEntry> parse(String yaml) {
    return reader.parse(yaml, "m.yaml");
  }

  @Test
  void bindsTypeNameLimitsConfigAndCheckers() {
    List<TaskEntry> tasks =
        parse(
            """
            tasks:
              - type: demo-task
                timeout: 10m
                phaseTimeouts: {prepare: 1m, cleanup: 30s}
                config:
                  sizeMiB: 100
                checkers:
                  - type: limit
                    config: {limit: 3}
              - type: demo-task
                name: second
            """);
    assertThat(tasks).extracting(TaskEntry::name).containsExactly("demo-task", "second");
    TaskEntry first = tasks.get(0);
    assertThat(first.config()).isEqualTo(new DemoConfig(100, Duration.ofMinutes(5)));
    assertThat(first.limits().task()).isEqualTo(Duration.ofMinutes(10));
    assertThat(first.limits().phase(TaskPhase.PREPARE)).isEqualTo(Duration.ofMinutes(1));
    assertThat(first.limits().phase(TaskPhase.CLEANUP)).isEqualTo(Duration.ofSeconds(30));
    assertThat(first.checkers()).hasSize(1);
    assertThat(tasks.get(1).config())
        .as("a missing config is all defaults")
        .isEqualTo(new DemoConfig(10, Duration.ofMinutes(5)));
    assertThat(tasks.get(1).limits()).isEqualTo(TaskLimits.DEFAULTS);
    assertThat(first.create(TaskOptions.DEFAULTS)).isInstanceOf(ScriptedTask.class);
  }

  @Test
  void rejectsAnUnknownConfigFieldWithFileLineAndField() {
    assertThatThrownBy(
            () ->
                parse(
                    """
                    tasks:
                      - type: demo-task
                        config:
                          sizeMiB: 100
                          sizeMb: 3
                    """))
        .isInstanceOf(TaskListException.class)
        .hasMessage(
            "m.yaml line 5: tasks[0].config.sizeMb: unknown field (known: deadline, sizeMiB)");
  }

  @Test
  void rejectsUnknownFieldsAtEveryLevel() {
    assertThatThrownBy(() -> parse("tasks:\n  - type: demo-task\n    timeuot: 3m\n"))
        .hasMessageStartingWith("m.yaml line 3: tasks[0].timeuot: unknown field (known: checkers,");
    assertThatThrownBy(() -> parse("task:\n  - type: demo-task\n"))
        .hasMessage("m.yaml line 1: task: unknown field (known: tasks)");
    assertThatThrownBy(
            () -> parse("tasks:\n  - type: demo-task\n    phaseTimeouts:\n      warmup: 1m\n"))
        .hasMessage(
            "m.yaml line 4: tasks[0].phaseTimeouts.warmup: unknown field"
                + " (known: cleanup, prepare, warm-up, workload)");
    assertThatThrownBy(
            () ->
                parse(
                    "tasks:\n  - type: demo-task\n    checkers:\n      - type: limit\n"
                        + "        config: {limt: 2}\n"))
        .hasMessage(
            "m.yaml line 5: tasks[0].checkers[0].config.limt: unknown field (known: limit)");
  }

  @Test
  void rejectsUnknownTypesListingTheKnownOnes() {
    assertThatThrownBy(() -> parse("tasks:\n  - type: catchup\n"))
        .hasMessage("m.yaml line 2: tasks[0].type: unknown task type 'catchup' (known: demo-task)");
    assertThatThrownBy(() -> parse("tasks:\n  - type: demo-task\n    checkers: [{type: nope}]\n"))
        .hasMessageContaining("unknown checker type 'nope' (known: limit)");
  }

  @Test
  void rejectsBadValuesWithTheConfigsOwnReason() {
    assertThatThrownBy(() -> parse("tasks:\n  - type: demo-task\n    config: {sizeMiB: -1}\n"))
        .hasMessage("m.yaml line 3: tasks[0].config: sizeMiB must be > 0, got -1");
    assertThatThrownBy(() -> parse("tasks:\n  - type: demo-task\n    config: {deadline: soon}\n"))
        .hasMessageStartingWith("m.yaml line 3: tasks[0].config.deadline:");
    assertThatThrownBy(() -> parse("tasks:\n  - type: demo-task\n    timeout: 0s\n"))
        .hasMessageContaining("timeout must be > 0");
  }

  @Test
  void rejectsDuplicateNamesEmptyListsAndBrokenYaml() {
    assertThatThrownBy(() -> parse("tasks:\n  - type: demo-task\n  - type: demo-task\n"))
        .hasMessage(
            "m.yaml line 3: tasks[1].name: 'demo-task' is used twice; give each task of a type a"
                + " 'name:'");
    assertThatThrownBy(() -> parse("tasks: []\n"))
        .hasMessage("m.yaml line 1: tasks: must be a non-empty list of tasks");
    assertThatThrownBy(() -> parse("")).hasMessageContaining("the file is empty");
    assertThatThrownBy(() -> parse("tasks:\n  - type: [\n"))
        .hasMessageStartingWith("m.yaml line ")
        .hasMessageContaining("not valid YAML");
  }

  @Test
  void theShippedDefaultListReadsWithTheRegisteredTypes() {
    TaskCatalog catalog = TaskCatalog.load();
    assertThat(catalog.taskNames()).contains("catch-up-read", "throughput", "scenario");
    List<TaskEntry> tasks =
        new TaskListReader(catalog).read(java.nio.file.Path.of("..", "examples", "marathon.yaml"));
    assertThat(tasks)
        .extracting(TaskEntry::name)
        .startsWith("catch-up-read", "throughput", "traffic-based");
  }
}
