package dev.ballast.app.worker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ballast.app.Main;
import dev.ballast.kafka.ClientSettings;
import dev.ballast.workload.worker.LocalWorker;
import dev.ballast.workload.worker.Worker;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class WorkerSupplyTest {

  @TempDir Path dir;

  @Test
  void withoutWorkersEveryTaskGetsANewLocalWorkerAndNoProcessIsForked() {
    WorkersOption option = new WorkersOption();
    StringWriter log = new StringWriter();
    try (WorkerSupply supply =
        WorkerSupply.open(
            option, ClientSettings.of("127.0.0.1:9"), dir, new PrintWriter(log, true))) {
      assertThat(supply.isRemote()).isFalse();
      try (Worker first = supply.get();
          Worker second = supply.get()) {
        assertThat(first).isInstanceOf(LocalWorker.class).isNotSameAs(second);
      }
      assertThat(supply.livePids()).isEmpty();
    }
    assertThat(log.toString()).isEmpty();
  }

  @Test
  void aBadWorkersValueOnTheMarathonIsExitCode2BeforeAnyClusterStarts() throws Exception {
    Path tasks = dir.resolve("tasks.yaml");
    Files.writeString(tasks, "tasks:\n  - type: throughput\n");
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = Main.newCommandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));

    int exit =
        cli.execute(
            "marathon",
            "--workers",
            "lots",
            "--tasks",
            tasks.toString(),
            "--results",
            dir.resolve("r").toString());

    assertThat(exit).isEqualTo(2);
    assertThat(err.toString()).contains("--workers 'lots' is neither a count from 1 to 64");
    assertThat(out.toString()).doesNotContain("starting an embedded cluster");
  }
}
