package dev.ballast.core.fix;

import dev.ballast.core.doctor.Diagnosis;
import dev.ballast.core.doctor.Doctor;
import dev.ballast.core.doctor.DoctorInput;
import dev.ballast.core.doctor.DoctorSettings;
import dev.ballast.core.doctor.Fixtures;
import dev.ballast.core.model.ClusterModel;
import dev.ballast.core.plan.PlannerOptions;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every format of every fixture diagnosis, compared with its golden file. */
class FixRenderersGoldenTest {

  /**
   * A diagnosis to render.
   *
   * @param name the golden file prefix
   * @param diagnosis what to render
   * @param ctx the names the renderers use
   */
  record Scenario(String name, Supplier<Diagnosis> diagnosis, FixContext ctx) {

    /** Returns the scenario of the doctor's diagnosis of {@code input}. */
    static Scenario of(String name, DoctorInput input, DoctorSettings settings, FixContext ctx) {
      return new Scenario(
          name, () -> new Doctor(settings, PlannerOptions.defaults()).diagnose(input), ctx);
    }
  }

  /**
   * One golden file.
   *
   * @param scenario the scenario
   * @param format the format
   */
  record Case(Scenario scenario, FixFormat format) {
    @Override
    public String toString() {
      return scenario.name() + " " + format.label();
    }

    String file() {
      return "doctor/" + scenario.name() + "." + extension(format);
    }
  }

  static Stream<Case> cases() {
    List<Scenario> scenarios =
        List.of(
            Scenario.of(
                "msk-capacity",
                Fixtures.mskCapacityInput(),
                Fixtures.mskCapacitySettings(),
                FixContext.defaults()
                    .withConnection(
                        "b-1.demo.kafka.us-east-1.amazonaws.com:9098", "client.properties")
                    .withClusterArn(
                        "arn:aws:kafka:us-east-1:123456789012:cluster/demo/0b1c2d3e-4f50-6a7b-8c9d-0e1f2a3b4c5d-2")
                    .withNames("demo", "demo", "demo", "brokers")),
            Scenario.of(
                "mixed-problems",
                Fixtures.mixedProblems(),
                DoctorSettings.defaults(),
                FixContext.defaults()),
            new Scenario(
                "dead-and-slow",
                Fixtures::deadAndSlowDiagnosis,
                FixContext.defaults().withConnection("kafka-0.internal:9092", null)),
            Scenario.of(
                "healthy",
                DoctorInput.of(
                    ClusterModel.of(
                        Fixtures.brokers(3, 3), Fixtures.roundRobin("t", 6, 3, 3, Fixtures.UNIT))),
                DoctorSettings.defaults(),
                FixContext.defaults()));
    List<Case> cases = new ArrayList<>();
    for (Scenario s : scenarios) {
      for (FixFormat f : FixFormat.values()) {
        cases.add(new Case(s, f));
      }
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void rendersAsTheGoldenFileSays(Case c) throws IOException {
    Scenario s = c.scenario();
    Diagnosis d = s.diagnosis().get();

    String text = FixRenderers.render(c.format(), d, s.ctx());

    GoldenFiles.assertMatches(c.file(), text);
  }

  static String extension(FixFormat f) {
    return switch (f) {
      case TEXT -> "txt";
      case JSON -> "json";
      case KAFKA_CLI -> "kafka-cli.sh";
      case AWS_CLI -> "aws-cli.sh";
      case TERRAFORM -> "tf.diff";
      case PULUMI -> "ts.diff";
      case STRIMZI -> "strimzi.yaml";
    };
  }
}
