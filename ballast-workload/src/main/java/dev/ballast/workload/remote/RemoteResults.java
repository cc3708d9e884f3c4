package dev.ballast.workload.remote;

import dev.ballast.workload.continuity.ContinuityVerdict;
import dev.ballast.workload.worker.GroupResult;
import dev.ballast.workload.worker.WorkerResult;
import dev.ballast.workload.worker.WorkerTotals;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Builds a remote run's result from every worker's reports: summed counters, merged histograms,
 * each group's continuity judged across workers, and notes on pauses, indeterminate sends and an
 * INCONCLUSIVE end.
 */
final class RemoteResults {

  private RemoteResults() {}

  static WorkerResult merge(
      ReportAggregator reports,
      RunSupervisor supervisor,
      Map<String, String> groupTopics,
      Map<String, Integer> groupSizes) {
    List<GroupResult> groups = new ArrayList<>();
    groupTopics.forEach(
        (group, topic) -> {
          ContinuityVerdict v =
              ContinuityMerge.verdict(reports.groupParts(group), reports.ledgers(topic));
          // A catch-up group's backlog and drain time are not measured remotely (-1).
          groups.add(new GroupResult(group, topic, groupSizes.get(group), v, -1, -1));
        });
    WorkerTotals t = reports.totals();
    return new WorkerResult(
        t.sent(),
        t.acked(),
        t.failed(),
        t.ackedBytes(),
        t.consumed(),
        reports.cumulative("intended"),
        reports.cumulative("send"),
        reports.cumulative("scheduleDelay"),
        reports.cumulative("endToEnd"),
        groups,
        notes(reports, supervisor));
  }

  private static List<String> notes(ReportAggregator reports, RunSupervisor supervisor) {
    List<String> notes = new ArrayList<>(reports.errors());
    notes.addAll(supervisor.pauses());
    if (!supervisor.deadSessions().isEmpty()) {
      long indeterminate =
          ContinuityMerge.indeterminate(reports.ledgersOf(supervisor.deadSessions()));
      notes.add(
          indeterminate
              + " send(s) of dead worker processes were unacknowledged when they died:"
              + " indeterminate, counted neither lost nor duplicated");
    }
    if (supervisor.inconclusive() != null) {
      notes.add(supervisor.inconclusive());
    }
    return notes;
  }
}
