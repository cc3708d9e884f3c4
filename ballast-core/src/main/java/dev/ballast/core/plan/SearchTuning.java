package dev.ballast.core.plan;

/**
 * How widely the balancer looks at each step, and how it ranks candidates.
 *
 * @param scan replicas (or leaderships) of a broker examined per step
 * @param window improving candidates after which a shed stops looking
 * @param destinations destinations tried per candidate replica
 * @param sources loaded brokers a pull looks at
 * @param swapCandidates replicas per side a swap looks at
 * @param swapPartners brokers a swap pairs with
 * @param linearScore rank candidates by the band gap they close per byte (true), or by the whole
 *     objective, convex term included, per byte (false)
 */
record SearchTuning(
    int scan,
    int window,
    int destinations,
    int sources,
    int swapCandidates,
    int swapPartners,
    boolean linearScore) {

  /** The windows that keep a 2.8 M-replica plan within seconds, ranked by the whole objective. */
  static final SearchTuning DEFAULT = new SearchTuning(32, 4, 4, 6, 10, 4, false);

  /**
   * The variants a small cluster is planned with, the best plan kept: narrow and wide windows, each
   * ranked both ways (greedy choices that look alike per byte lead to different ends).
   */
  static final SearchTuning[] SMALL = {
    DEFAULT,
    new SearchTuning(32, 4, 4, 6, 10, 4, true),
    new SearchTuning(256, 64, 64, 64, 64, 64, false),
    new SearchTuning(256, 64, 64, 64, 64, 64, true)
  };
}
