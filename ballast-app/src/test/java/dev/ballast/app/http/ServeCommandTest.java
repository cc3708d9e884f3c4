package dev.ballast.app.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code serve} and {@code balance --http-*} reject bad HTTP options before touching a cluster. */
class ServeCommandTest {

  @Test
  void portOutOfRange() {
    ServeRun run = new ServeRun();
    assertThat(run.execute("serve", "--bootstrap-server", "127.0.0.1:1", "--http-port", "70000"))
        .isEqualTo(2);
    assertThat(run.err.toString()).contains("--http-port must be between 0 and 65535, not 70000");
  }

  @Test
  void tokenTooShort() {
    ServeRun run = new ServeRun();
    assertThat(run.execute("serve", "--bootstrap-server", "127.0.0.1:1", "--http-token", "abc"))
        .isEqualTo(2);
    assertThat(run.err.toString()).contains("--http-token must be at least 8 characters");
  }

  @Test
  void balanceNeedsAPortForTheOtherHttpOptions() {
    ServeRun run = new ServeRun();
    assertThat(
            run.execute("balance", "--bootstrap-server", "127.0.0.1:1", "--http-token", "abcdefgh"))
        .isEqualTo(2);
    assertThat(run.err.toString()).contains("--http-bind and --http-token need --http-port");
  }

  @Test
  void helpDescribesApprovalMode() {
    ServeRun run = new ServeRun();
    assertThat(run.execute("serve", "--help")).isZero();
    assertThat(run.out.toString())
        .contains("approval mode", "--http-port", "--http-bind", "--http-token", "--auto-execute");
  }
}
