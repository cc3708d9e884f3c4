package dev.ballast.kafka;

import dev.ballast.kafka.access.Refusals;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.common.KafkaFuture;

/**
 * Waits on Admin futures with a deadline and turns failures into exceptions that say what failed.
 */
public final class AdminCalls {

  private AdminCalls() {}

  /**
   * Returns the value of {@code future}, waiting at most {@code timeout}.
   *
   * @throws ClusterUnreachableException when the call times out
   * @throws dev.ballast.kafka.access.AccessDeniedException when the principal lacks a permission
   * @throws KafkaCallException when the cluster answered with another error
   */
  public static <T> T get(KafkaFuture<T> future, Duration timeout, String what) {
    try {
      return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      if (cause instanceof org.apache.kafka.common.errors.TimeoutException) {
        throw new ClusterUnreachableException(
            "timed out trying to " + what + ": " + cause.getMessage(), cause);
      }
      Refusals.throwIfDenied(what, cause);
      throw new KafkaCallException("cannot " + what + ": " + cause.getMessage(), cause);
    } catch (TimeoutException e) {
      throw new ClusterUnreachableException(
          "timed out after " + timeout.toSeconds() + " s trying to " + what, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new KafkaCallException("interrupted while trying to " + what, e);
    }
  }
}
