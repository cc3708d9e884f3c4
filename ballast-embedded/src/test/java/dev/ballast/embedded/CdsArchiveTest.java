package dev.ballast.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CdsArchiveTest {

  @TempDir Path cache;

  @Test
  void publishingARecordingKeepsOnlyTheNewestArchives() throws IOException {
    for (int i = 0; i < 6; i++) {
      Path old = cache.resolve("kafka-node-00000000000000a" + i + ".jsa");
      Files.write(old, new byte[] {1});
      Files.setLastModifiedTime(old, FileTime.fromMillis(1_000_000L * (i + 1)));
    }
    Path unrelated = Files.writeString(cache.resolve("notes.txt"), "keep me");
    CdsArchive cds = CdsArchive.forClassPath("/jdk", "a.jar", cache);
    assertThat(cds.exists()).isFalse();

    Path recording = recordingOf(cds.jvmArgs(true));
    Files.write(recording, new byte[] {1, 2, 3});
    cds.publish();

    assertThat(cds.exists()).isTrue();
    assertThat(recording).doesNotExist();
    try (Stream<Path> files = Files.list(cache)) {
      assertThat(files.map(f -> f.getFileName().toString()).sorted().toList())
          .containsExactly(
              "kafka-node-00000000000000a3.jsa",
              "kafka-node-00000000000000a4.jsa",
              "kafka-node-00000000000000a5.jsa",
              cds.jvmArgs(false)
                  .get(0)
                  .substring("-XX:SharedArchiveFile=".length())
                  .substring(cache.toString().length() + 1),
              "notes.txt")
          .hasSize(5);
    }
    assertThat(unrelated).exists();
  }

  @Test
  void anEmptyRecordingIsNotPublishedAndPrunesNothing() throws IOException {
    for (int i = 0; i < 6; i++) {
      Files.write(cache.resolve("kafka-node-00000000000000b" + i + ".jsa"), new byte[] {1});
    }
    CdsArchive cds = CdsArchive.forClassPath("/jdk", "a.jar", cache);
    Files.write(recordingOf(cds.jvmArgs(true)), new byte[0]);
    cds.publish();

    assertThat(cds.exists()).isFalse();
    try (Stream<Path> files = Files.list(cache)) {
      assertThat(files.count()).isEqualTo(6);
    }
  }

  private static Path recordingOf(List<String> flags) {
    assertThat(flags).singleElement().asString().startsWith(CdsArchive.RECORD_FLAG);
    return Path.of(flags.get(0).substring(CdsArchive.RECORD_FLAG.length()));
  }
}
