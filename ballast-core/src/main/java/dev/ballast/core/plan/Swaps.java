package dev.ballast.core.plan;

import static dev.ballast.core.plan.PlacementState.RESOURCES;

/**
 * The balancer's replica exchanges: two replicas trade brokers when no single move improves the
 * objective (a move would push the other broker, or another goal, out of its band). Ranked by
 * objective gained per byte copied.
 */
final class Swaps {

  private static final int TOPIC = RESOURCES;

  private final PlacementState st;
  private final Objective obj;
  private final Moves moves;
  private final Candidates candidates;
  private final int swapCandidates;
  private final int swapPartners;

  Swaps(PlacementState st, Objective obj, Moves moves, Candidates candidates, SearchTuning tuning) {
    this.st = st;
    this.obj = obj;
    this.moves = moves;
    this.candidates = candidates;
    this.swapCandidates = tuning.swapCandidates();
    this.swapPartners = tuning.swapPartners();
  }

  /** For a broker over its band: exchanges a heavy replica with a light one of a lighter broker. */
  boolean swapOut(int g, int b, Reason reason) {
    CandidateList mine = candidates.replicas(g, b);
    int[] partners = candidates.destinations(g, b, swapPartners);
    int bestA = -1;
    int bestB = -1;
    double bestScore = 0;
    int taken = 0;
    for (int i = mine.live(0); i < mine.size() && taken < swapCandidates; i = mine.live(i + 1)) {
      int a = candidates.slotIn(mine.key(i), b);
      if (st.replica[a] != b || st.pinned[st.partitionOf(a)]) {
        mine.remove(i);
        continue;
      }
      int t = st.topicOf[st.partitionOf(a)];
      if (g == TOPIC && st.topicCount[t * st.brokers + b] <= obj.topicHi[t]) {
        continue;
      }
      taken++;
      for (int other : partners) {
        CandidateList theirs = candidates.replicas(g, other);
        int seen = 0;
        int end = Math.max(0, theirs.size() - 4 * swapCandidates);
        for (int j = theirs.size() - 1; j >= end && seen < swapCandidates; j--) {
          int c = candidates.slotIn(theirs.key(j), other);
          if (st.replica[c] != other) {
            continue;
          }
          seen++;
          if (!moves.canSwap(a, c)) {
            continue;
          }
          double d = obj.deltaSwap(a, c);
          if (d >= -Objective.EPS) {
            continue;
          }
          long cost = Math.max(0, moves.cost(a, other)) + Math.max(0, moves.cost(c, b));
          double score = -d / (cost + 1.0);
          if (score > bestScore) {
            bestScore = score;
            bestA = a;
            bestB = c;
          }
        }
      }
    }
    if (bestA < 0) {
      return false;
    }
    moves.swap(bestA, bestB, reason);
    return true;
  }

  /**
   * For a broker under its band: exchanges one of its light replicas with a heavy one of a loaded
   * broker, when no single pull helps (the pull would push the loaded broker, or another goal, out
   * of its band).
   */
  boolean swapIn(int g, int b, Reason reason) {
    CandidateList mine = candidates.replicas(g, b);
    int[] partners = candidates.sources(g, b, swapPartners);
    int bestA = -1;
    int bestB = -1;
    double bestScore = 0;
    int end = Math.max(0, mine.size() - 4 * swapCandidates);
    for (int i = mine.size() - 1, taken = 0; i >= end && taken < swapCandidates; i--) {
      int a = candidates.slotIn(mine.key(i), b);
      if (st.replica[a] != b || st.pinned[st.partitionOf(a)]) {
        continue;
      }
      taken++;
      for (int other : partners) {
        CandidateList theirs = candidates.replicas(g, other);
        int seen = 0;
        for (int j = theirs.live(0);
            j < theirs.size() && seen < swapCandidates;
            j = theirs.live(j + 1)) {
          int c = candidates.slotIn(theirs.key(j), other);
          if (st.replica[c] != other) {
            theirs.remove(j);
            continue;
          }
          seen++;
          if (!moves.canSwap(a, c)) {
            continue;
          }
          double d = obj.deltaSwap(a, c);
          if (d >= -Objective.EPS) {
            continue;
          }
          long cost = Math.max(0, moves.cost(a, other)) + Math.max(0, moves.cost(c, b));
          double score = -d / (cost + 1.0);
          if (score > bestScore) {
            bestScore = score;
            bestA = a;
            bestB = c;
          }
        }
      }
    }
    if (bestA < 0) {
      return false;
    }
    moves.swap(bestA, bestB, reason);
    return true;
  }
}
