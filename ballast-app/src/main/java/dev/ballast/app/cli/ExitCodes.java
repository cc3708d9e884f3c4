package dev.ballast.app.cli;

/** The exit codes every command uses, and their description for {@code --help} and README. */
public final class ExitCodes {

  /** The command did what was asked; a verdict, if any, passed. */
  public static final int OK = 0;

  /** A check or verdict failed (e.g. messages lost), or an unexpected error. */
  public static final int FAILED = 1;

  /** The input was wrong: an option, a file, a plan. Nothing was changed. */
  public static final int INPUT = 2;

  /** The cluster did not answer (host, port, TLS/SASL settings, timeout). */
  public static final int UNREACHABLE = 3;

  /** The cluster refused the principal (a missing ACL). */
  public static final int NOT_AUTHORIZED = 4;

  /** There was no data to judge, so no verdict: INCONCLUSIVE. */
  public static final int INCONCLUSIVE = 5;

  /** The paragraph that documents these codes in a {@code --help} footer. */
  public static final String HELP =
      "Exit codes: 0 done (verdicts passed), 1 a check failed or an unexpected error, 2 bad"
          + " input (options, files; nothing changed), 3 the cluster did not answer, 4 not"
          + " authorized, 5 inconclusive (no data to judge).";

  private ExitCodes() {}
}
