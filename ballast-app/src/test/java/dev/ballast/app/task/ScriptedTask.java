package dev.ballast.app.task;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A task whose phases do what a test scripts: each phase runs its {@link Step} until it says DONE,
 * and every call is logged with the phase and the clock's time in seconds.
 */
public final class ScriptedTask implements Task {

  /** One scripted phase step. */
  @FunctionalInterface
  public interface Step {
    Progress step(TaskContext context, long now) throws Exception;
  }

  final Map<TaskPhase, Step> steps = new EnumMap<>(TaskPhase.class);
  public final List<String> log = new ArrayList<>();
  final List<Checker> checkers = new ArrayList<>();
  Requirements requirements = Requirements.NONE;

  public ScriptedTask on(TaskPhase phase, Step step) {
    steps.put(phase, step);
    return this;
  }

  public ScriptedTask checker(Checker c) {
    checkers.add(c);
    return this;
  }

  private Progress run(TaskPhase phase, TaskContext context, long now) throws Exception {
    log.add(phase.label() + "@" + now / 1_000_000_000L);
    Step s = steps.get(phase);
    return s == null ? Progress.DONE : s.step(context, now);
  }

  @Override
  public Requirements requirements() {
    return requirements;
  }

  @Override
  public Progress prepare(TaskContext context, long now) throws Exception {
    return run(TaskPhase.PREPARE, context, now);
  }

  @Override
  public Progress warmUp(TaskContext context, long now) throws Exception {
    return run(TaskPhase.WARM_UP, context, now);
  }

  @Override
  public Progress workload(TaskContext context, long now) throws Exception {
    return run(TaskPhase.WORKLOAD, context, now);
  }

  @Override
  public Progress cleanup(TaskContext context, long now) throws Exception {
    return run(TaskPhase.CLEANUP, context, now);
  }

  @Override
  public List<Checker> checkers() {
    return checkers;
  }

  /** A checker that always returns {@code verdict}. */
  public static Checker always(Verdict verdict) {
    return new Checker() {
      @Override
      public String name() {
        return verdict.checker();
      }

      @Override
      public List<Verdict> check(RecordedRun run) {
        return List.of(verdict);
      }
    };
  }
}
