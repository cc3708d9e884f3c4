package dev.ballast.app.task.chaos;

import static java.util.Objects.requireNonNull;

import dev.ballast.app.task.Checker;
import dev.ballast.app.task.RecordedRun;
import dev.ballast.app.task.Verdict;
import java.util.List;
import java.util.function.Function;

/**
 * A checker made of a name and a pure function of the recorded run.
 *
 * @param name the checker's name
 * @param judge the function
 */
record NamedChecker(String name, Function<RecordedRun, Verdict> judge) implements Checker {

  NamedChecker {
    requireNonNull(name, "name");
    requireNonNull(judge, "judge");
  }

  @Override
  public List<Verdict> check(RecordedRun run) {
    return List.of(judge.apply(run));
  }
}
