package dev.ballast.app.scenario;

import static java.util.Objects.requireNonNull;

import java.util.function.Supplier;

/**
 * Asks a question that may block (a metadata call through a saturated network) as a background job,
 * one at a time, so a step that needs the answer never waits: {@link #answer()} returns null while
 * the job runs and the answer once it has ended.
 */
final class BackgroundProbe<T> {

  private final BackgroundJobs jobs;
  private final Supplier<T> question;
  private BackgroundJobs.Job job;
  private volatile T answer;

  BackgroundProbe(BackgroundJobs jobs, Supplier<T> question) {
    this.jobs = requireNonNull(jobs, "jobs");
    this.question = requireNonNull(question, "question");
  }

  /** Returns the answer to the question asked last, or null while it is still coming. */
  T answer() {
    if (job == null) {
      job = jobs.start(() -> answer = question.get());
    }
    if (!job.isDone()) {
      return null;
    }
    job = null;
    return answer;
  }

  /** Returns the job in flight, or null. */
  BackgroundJobs.Job pending() {
    return job;
  }
}
