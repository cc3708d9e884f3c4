package dev.ballast.workload.continuity;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * The continuity checker's final word. {@code lost} counts acknowledged messages never consumed
 * (or, without producer acknowledgements, gaps inside the consumed sequences never filled); {@code
 * duplicated} counts second copies at other offsets; {@code reordered} messages stored after a
 * higher sequence of their stream; {@code redelivered} re-reads of the same offset, which are not
 * faults.
 */
public record ContinuityVerdict(
    long produced,
    long acked,
    long failed,
    long consumed,
    long lost,
    long duplicated,
    long reordered,
    long redelivered,
    boolean checkedAgainstAcks,
    List<String> lostSamples) {

  /** Validates counts and copies the samples. */
  public ContinuityVerdict {
    requireNonNull(lostSamples, "lostSamples");
    lostSamples = List.copyOf(lostSamples);
    if (produced < 0 || acked < 0 || failed < 0 || consumed < 0 || lost < 0) {
      throw new IllegalArgumentException("counts must be >= 0");
    }
  }

  /** Returns whether nothing was lost, duplicated or reordered. */
  public boolean clean() {
    return lost == 0 && duplicated == 0 && reordered == 0;
  }

  /** Returns a one-line human description. */
  public String describe() {
    return String.format(
        "%s: produced %d, acked %d, failed %d, consumed %d, lost %d, duplicated %d, reordered %d"
            + " (redelivered %d)%s",
        clean() ? "CLEAN" : "VIOLATED",
        produced,
        acked,
        failed,
        consumed,
        lost,
        duplicated,
        reordered,
        redelivered,
        checkedAgainstAcks ? "" : " [no producer acks: lost = gaps never filled]");
  }
}
