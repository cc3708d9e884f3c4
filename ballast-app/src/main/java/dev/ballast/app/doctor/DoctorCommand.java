package dev.ballast.app.doctor;

import dev.ballast.app.cli.UserException;
import dev.ballast.app.cli.VerboseOption;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** Diagnoses incidents and writes the fix. */
@Command(
    name = "doctor",
    mixinStandardHelpOptions = true,
    description =
        "Diagnoses incidents and writes the fix (Kafka CLI, AWS CLI, Terraform, Pulumi, Strimzi).")
public final class DoctorCommand implements Callable<Integer> {

  @Mixin VerboseOption verbose;

  @Override
  public Integer call() {
    throw new UserException("'doctor' is not built yet");
  }
}
