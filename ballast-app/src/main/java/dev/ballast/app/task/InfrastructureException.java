package dev.ballast.app.task;

/**
 * The test infrastructure, not the cluster under test, failed: a kill command exited non-zero, a
 * worker was lost, a results file could not be written. The runner turns it into an INCONCLUSIVE
 * run (severity WARNING), never a FAIL. Throw it from a phase, or from a {@link TaskCluster}
 * method.
 */
public class InfrastructureException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** Creates one with a message saying what failed and what to do. */
  public InfrastructureException(String message) {
    super(message);
  }

  /** Creates one with a message and its cause. */
  public InfrastructureException(String message, Throwable cause) {
    super(message, cause);
  }
}
