package dev.ballast.app.scenario;

/**
 * One verified property of a run.
 *
 * @param name what is checked
 * @param passed whether it holds
 * @param evidence the figures that show it
 */
public record Check(String name, boolean passed, String evidence) {

  /** Returns {@code PASS} or {@code FAIL}. */
  public String verdict() {
    return passed ? "PASS" : "FAIL";
  }
}
