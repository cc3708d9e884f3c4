package dev.ballast.workload.worker;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.HdrHistogram.Histogram;

/**
 * Everything one worker measured: counts, the full latency histograms since the end of the warm-up
 * (mergeable across workers), each consumer group's result, and errors.
 */
public record WorkerResult(
    long sent,
    long acked,
    long failed,
    long ackedBytes,
    long consumed,
    Histogram intended,
    Histogram send,
    Histogram scheduleDelay,
    Histogram endToEnd,
    List<GroupResult> groups,
    List<String> errors) {

  /** Validates and copies the lists. */
  public WorkerResult {
    requireNonNull(intended, "intended");
    requireNonNull(send, "send");
    requireNonNull(scheduleDelay, "scheduleDelay");
    requireNonNull(endToEnd, "endToEnd");
    groups = List.copyOf(groups);
    errors = List.copyOf(errors);
  }
}
