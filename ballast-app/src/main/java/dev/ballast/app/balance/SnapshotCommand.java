package dev.ballast.app.balance;

import dev.ballast.app.cli.ConnectionOptions;
import dev.ballast.app.cli.UserException;
import dev.ballast.app.cli.VerboseOption;
import dev.ballast.core.model.ClusterModel;
import dev.ballast.core.snapshot.SnapshotCodec;
import dev.ballast.core.text.FileProblems;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Writes a snapshot file (model plus sampled load) of a live cluster, for offline planning. */
@Command(
    name = "snapshot",
    mixinStandardHelpOptions = true,
    description = {
      "Samples a cluster's load through the Admin API and writes the snapshot file that",
      "'ballast plan --snapshot' reads (docs/SNAPSHOT.md): brokers (fenced ones as dead), racks,",
      "placement, leaders, ISR, and per-partition bytes in/out, messages/s and size.",
      "With --prometheus-url, bytes in/out are measured at the brokers' metrics endpoints."
    })
public final class SnapshotCommand implements Callable<Integer> {

  @Mixin VerboseOption verbose;
  @Mixin ConnectionOptions connection;
  @Mixin PrometheusOption prometheus;
  @Spec CommandSpec spec;

  @Option(
      names = {"-o", "--output"},
      required = true,
      paramLabel = "FILE",
      description = "Where to write the snapshot JSON.")
  Path output;

  @Mixin SamplingOptions sampling;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    ClusterModel model = LiveSnapshot.take(connection, prometheus, sampling, out);
    try {
      Files.writeString(output, SnapshotCodec.write(model));
    } catch (IOException e) {
      throw new UserException("cannot write " + output + ": it " + FileProblems.describe(e));
    }
    out.printf(
        "wrote %s: %d broker(s), %d partition(s)%n",
        output, model.brokers().size(), model.partitions().size());
    out.flush();
    return 0;
  }
}
