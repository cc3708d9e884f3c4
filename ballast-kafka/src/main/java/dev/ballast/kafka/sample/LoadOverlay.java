package dev.ballast.kafka.sample;

/**
 * Measured figures from outside the Admin API (a broker metrics endpoint) laid over the
 * offset-based estimate. The sampler calls {@link #sample()} right after each cluster sample, so an
 * overlay holding as many readings as the window holds samples covers the same span.
 */
public interface LoadOverlay {

  /** The overlay that adds nothing: the offset-based estimate as it is. */
  LoadOverlay NONE =
      new LoadOverlay() {
        @Override
        public void sample() {}

        @Override
        public LoadEstimate apply(LoadEstimate estimate) {
          return estimate;
        }

        @Override
        public void clear() {}
      };

  /** Takes one reading, alongside a cluster sample. */
  void sample();

  /** Returns {@code estimate} with the measured figures laid over it, or with warnings why not. */
  LoadEstimate apply(LoadEstimate estimate);

  /** Forgets the readings (the sampler's window was cleared). */
  void clear();
}
