package dev.ballast.workload.continuity;

/** Counters gathered from the partition checkers; internal to the verdict. */
final class ContinuityCounts {

  private ContinuityCounts() {}

  static final class Builder {
    long consumed;
    long duplicated;
    long reordered;
    long redelivered;
  }
}
