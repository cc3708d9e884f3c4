package dev.ballast.solver;

import com.google.ortools.Loader;

/** Loads OR-Tools' native library once per process. */
final class Natives {

  private static boolean loaded;

  private Natives() {}

  /** Loads the library, or fails naming the platform when it has none. */
  static synchronized void load() {
    if (loaded) {
      return;
    }
    try {
      Loader.loadNativeLibraries();
    } catch (RuntimeException | LinkageError e) {
      throw new IllegalStateException(
          "the CP-SAT solver (OR-Tools) has no native library for "
              + System.getProperty("os.name")
              + "/"
              + System.getProperty("os.arch")
              + ": "
              + e.getMessage(),
          e);
    }
    loaded = true;
  }
}
