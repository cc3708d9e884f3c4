package dev.ballast.app.balance;

import dev.ballast.app.cli.UserException;
import dev.ballast.kafka.ClientSettings;
import dev.ballast.kafka.ClusterUnreachableException;
import dev.ballast.kafka.exec.ExecutionAgent;
import dev.ballast.kafka.exec.ExecutionJournal;
import dev.ballast.kafka.exec.ExecutionProgress;
import dev.ballast.kafka.exec.ExecutorSettings;
import dev.ballast.kafka.exec.JournalAccessException;
import dev.ballast.kafka.exec.PlanExecutor;
import dev.ballast.kafka.exec.TopicJournal;
import java.io.PrintWriter;
import java.time.Duration;
import org.apache.kafka.clients.admin.Admin;

/**
 * What every executing command does first: opens the cluster's execution journal and finishes (or
 * cancels) what an earlier Ballast run left in it, removing the throttles that run set.
 */
public final class Leftovers {

  private Leftovers() {}

  /**
   * Opens the journal of the cluster behind {@code admin}; a principal that may not use it gets a
   * one-line error with exit code 4, an unreachable cluster exit code 3.
   */
  public static ExecutionJournal openJournal(ClientSettings client, Admin admin, Duration timeout) {
    try {
      return TopicJournal.open(client, admin, timeout);
    } catch (JournalAccessException e) {
      throw new UserException(e.getMessage(), 4);
    } catch (ClusterUnreachableException e) {
      throw new UserException(e.getMessage(), 3);
    }
  }

  /**
   * Adopts what {@code journal} holds and runs it to the end (or cancels it), printing what
   * happened on {@code out}; returns the final progress, or null when the journal held nothing.
   */
  public static ExecutionProgress finish(
      Admin admin,
      ExecutorSettings settings,
      ExecutionJournal journal,
      boolean cancel,
      PrintWriter out) {
    if (journal.state().isEmpty()) {
      return null;
    }
    out.printf(
        "the journal (%s) holds %s left by an earlier Ballast run: %s them%n",
        journal.where(), journal.state().summary(), cancel ? "cancelling" : "finishing");
    PlanExecutor executor = new PlanExecutor(admin, settings, journal, TopicJournal.owner());
    executor.resume();
    executor.progress().notes().forEach(n -> out.println("  " + n));
    out.flush();
    int shown = executor.progress().notes().size();
    if (cancel) {
      executor.cancel();
    }
    ProgressLines lines = new ProgressLines();
    ExecutionProgress end =
        new ExecutionAgent(
                executor,
                System::nanoTime,
                Duration.ofHours(24),
                p -> {
                  lines.next(p).forEach(l -> out.println("  " + l));
                  out.flush();
                })
            .runToEnd(Duration.ofMillis(100));
    end.notes().stream().skip(shown).forEach(n -> out.println("  " + n));
    out.printf(
        "earlier run %s: %d move(s) finished, %d in flight; journal now holds %s%n",
        end.phase().label(), end.done(), end.inFlight(), journal.state().summary());
    out.flush();
    return end;
  }

  /**
   * Removes the throttles an earlier run left when none of its moves is in flight any more (as
   * Kafka's {@code --verify} does), and says so on {@code out}; with moves in flight it only
   * reports them.
   */
  public static void removeIfIdle(
      Admin admin, ExecutorSettings settings, ExecutionJournal journal, PrintWriter out) {
    if (journal.state().isEmpty()) {
      out.println("no throttle or move of Ballast is left in the journal");
      out.flush();
      return;
    }
    PlanExecutor executor = new PlanExecutor(admin, settings, journal, TopicJournal.owner());
    executor.resume();
    int inFlight = executor.progress().inFlight();
    if (inFlight > 0) {
      executor.progress().notes().forEach(n -> out.println("  " + n));
      out.printf(
          "%d move(s) of Ballast still in flight: its throttle stays until they end (run --verify"
              + " again)%n",
          inFlight);
      out.flush();
      return;
    }
    ExecutionProgress end =
        new ExecutionAgent(executor, System::nanoTime, Duration.ofMinutes(5), p -> {})
            .runToEnd(Duration.ofMillis(100));
    end.notes().forEach(n -> out.println("  " + n));
    out.println(
        journal.state().throttles().isEmpty()
            ? "removed the throttle Ballast had left; the configs hold what they held before"
            : "some throttles stay journaled (see above); run --verify again later");
    out.flush();
  }
}
