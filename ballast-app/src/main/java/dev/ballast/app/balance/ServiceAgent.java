package dev.ballast.app.balance;

import static java.util.Objects.requireNonNull;

import dev.ballast.core.loop.Agent;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import java.util.function.LongToIntFunction;

/**
 * A service's {@code doWork(now)} step (the balancer's, the sampler's) as an {@link Agent} for
 * {@link dev.ballast.core.loop.AgentRunner}: done when {@code until} holds or {@code maxRun} has
 * passed on the injected clock since it was created.
 */
public final class ServiceAgent implements Agent {

  private final String role;
  private final LongSupplier nanoClock;
  private final LongToIntFunction step;
  private final BooleanSupplier until;
  private final long deadline;

  /** Creates an agent whose {@code maxRun} starts now. */
  public ServiceAgent(
      String role,
      LongSupplier nanoClock,
      LongToIntFunction step,
      BooleanSupplier until,
      Duration maxRun) {
    this.role = requireNonNull(role, "role");
    this.nanoClock = requireNonNull(nanoClock, "nanoClock");
    this.step = requireNonNull(step, "step");
    this.until = requireNonNull(until, "until");
    this.deadline = nanoClock.getAsLong() + maxRun.toNanos();
  }

  @Override
  public int doWork() {
    return step.applyAsInt(nanoClock.getAsLong());
  }

  @Override
  public long nanosUntilWork() {
    return Math.max(1, deadline - nanoClock.getAsLong());
  }

  @Override
  public boolean isDone() {
    return until.getAsBoolean() || nanoClock.getAsLong() - deadline >= 0;
  }

  @Override
  public String roleName() {
    return role;
  }
}
