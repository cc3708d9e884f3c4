package dev.ballast.core.plan;

/**
 * How one soft goal stands before and after the plan.
 *
 * @param goal the goal
 * @param weight its weight (0: not pursued)
 * @param idle whether the mean is below the idle floor, so the goal is left alone
 * @param mean the target mean per receiving broker
 * @param lower the lower edge of the band
 * @param upper the upper edge of the band
 * @param scoreBefore the sum over brokers of the distance outside the band, divided by the mean
 * @param scoreAfter the same after the plan
 * @param maxOverMeanBefore the most loaded receiving broker divided by the mean, before
 * @param maxOverMeanAfter the same after
 * @param met whether every receiving broker is within the band after (or the goal is idle)
 * @param explanation why the goal is not met, or empty
 */
public record GoalReport(
    Goal goal,
    double weight,
    boolean idle,
    double mean,
    double lower,
    double upper,
    double scoreBefore,
    double scoreAfter,
    double maxOverMeanBefore,
    double maxOverMeanAfter,
    boolean met,
    String explanation) {}
