package dev.ballast.app.load;

import dev.ballast.app.cli.UserException;
import dev.ballast.app.cli.VerboseOption;
import dev.ballast.app.worker.WorkersOption;
import dev.ballast.workload.spec.WorkloadSpec;
import dev.ballast.workload.spec.WorkloadSpecException;
import dev.ballast.workload.spec.WorkloadSpecReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Runs a workload file. */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = "Runs the workload in a YAML file (format: docs/WORKLOAD.md).")
public final class LoadRunCommand implements Callable<Integer> {

  @Mixin VerboseOption verbose;
  @Mixin LoadOptions options;
  @Mixin WorkersOption workers;
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "WORKLOAD.yaml", description = "The workload file.")
  Path file;

  @Override
  public Integer call() {
    if (!Files.exists(file)) {
      throw new UserException(
          "workload file " + file + " does not exist (see examples/workload.yaml)");
    }
    WorkloadSpec workload;
    try {
      workload = new WorkloadSpecReader().read(file);
    } catch (WorkloadSpecException e) {
      throw new UserException(e.getMessage());
    }
    if (workers.isRemote()) {
      workers.count(); // a bad --workers fails now, before a cluster is started
    }
    return new LoadSession(
            options, spec.commandLine().getOut(), spec.commandLine().getErr(), workers)
        .run(workload);
  }
}
