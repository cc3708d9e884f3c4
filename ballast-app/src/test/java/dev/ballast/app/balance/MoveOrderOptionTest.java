package dev.ballast.app.balance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --move-order} on the command line, refused before any cluster is contacted. */
class MoveOrderOptionTest {

  @TempDir Path dir;

  @Test
  void anUnknownOrderIsOneLineAndExitCode2() throws IOException {
    Path plan =
        Files.writeString(
            dir.resolve("p.json"),
            "{\"version\":1,\"partitions\":[{\"topic\":\"t\",\"partition\":0,\"replicas\":[1]}]}");

    CommandRun run =
        CommandRun.of(
            "execute",
            plan.toString(),
            "--bootstrap-server",
            "127.0.0.1:1",
            "--move-order",
            "fast");

    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.out().strip())
        .isEqualTo(
            "ballast: --move-order must be one of plan, small-first, large-first,"
                + " under-replicated-first, not 'fast'");
  }

  @Test
  void eachOrderIsAccepted() {
    MoveOrderOption option = new MoveOrderOption();
    for (String name :
        new String[] {"plan", "small-first", "large-first", "under-replicated-first"}) {
      option.value = name;
      assertThat(option.order().label()).isEqualTo(name);
    }
  }
}
