package dev.ballast.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A file that cannot be used is named with its problem ("is a directory", "is not UTF-8 text"), not
 * "ballast: Input length = 1"; a client that cannot be created says why.
 */
class FileErrorsTest {

  @TempDir static Path dir;

  @BeforeAll
  static void files() throws Exception {
    Files.createDirectories(dir.resolve("adir"));
    Files.write(dir.resolve("binary"), new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xFF, 0});
    Files.writeString(
        dir.resolve("sasl.properties"), "security.protocol=SASL_PLAINTEXT\nsasl.mechanism=PLAIN\n");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "plan --snapshot D/adir                       | snapshot file D/adir is a directory, not a file",
        "plan --snapshot D/binary                     | snapshot file D/binary is not UTF-8 text",
        "doctor --snapshot D/adir                     | snapshot file D/adir is a directory, not a file",
        "doctor --snapshot D/binary                   | snapshot file D/binary is not UTF-8 text",
        "execute D/adir --bootstrap-server h:1        | plan file D/adir is a directory, not a file",
        "execute D/binary --bootstrap-server h:1      | plan file D/binary is not UTF-8 text",
        "load run D/adir                              | workload file D/adir is a directory, not a file",
        "load run D/binary                            | workload file D/binary is not UTF-8 text",
        "cluster describe --bootstrap-server h:1 --command-config D/adir | --command-config file D/adir is a directory",
        "cluster describe --bootstrap-server h:1 --command-config D/sasl.properties | sets security.protocol=SASL_PLAINTEXT but no sasl.jaas.config; add one",
      })
  void aFileThatCannotBeUsedIsNamedWithItsProblem(String args, String expected) {
    String d = dir.toString();
    CliRun run = CliRun.of(args.trim().replace("D/", d + "/").split("\\s+"));

    assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
    assertThat(run.err()).startsWith("ballast: ").contains(expected.trim().replace("D/", d + "/"));
    assertThat(run.err().lines()).hasSize(1);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "cluster describe | cannot connect to no-such-host.invalid:9092: no host in --bootstrap-server resolves",
        "doctor           | no host in --bootstrap-server resolves",
      })
  void aHostThatDoesNotResolveSaysSo(String command, String expected) {
    String[] args =
        (command.trim() + " --bootstrap-server no-such-host.invalid:9092 --timeout 2")
            .split("\\s+");
    CliRun run = CliRun.of(args);

    assertThat(run.exitCode()).as(run.err()).isEqualTo(3);
    assertThat(run.err()).contains(expected.trim()).doesNotContain("KafkaAdminClient");
  }

  @ParameterizedTest
  @CsvSource({"java.nio.file.NoSuchFileException, does not exist"})
  void fileProblemsOfUnknownCommandsAreStillOneLine(String ignored, String expected) {
    Throwable e = new java.io.UncheckedIOException(new java.nio.file.NoSuchFileException("x.json"));
    assertThat(CliErrors.fileProblem(e)).isEqualTo("file x.json " + expected.trim());
  }
}
