package dev.ballast.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClusterRecordTest {

  @TempDir Path base;
  private Process child;

  @AfterEach
  void stopChild() {
    if (child != null) {
      child.destroyForcibly();
    }
  }

  @Test
  void aClusterOwnedByThisLiveProcessIsLeftAlone() throws IOException {
    Path dir = Files.createDirectory(base.resolve(ClusterRecord.DIR_PREFIX + "live"));
    ClusterRecord.write(dir, Map.of());

    assertThat(ClusterRecord.cleanUpStale(base)).isEmpty();
    assertThat(dir).exists();
  }

  @Test
  void aClusterWhoseOwnerDiedIsStoppedAndDeleted() throws Exception {
    Path dir = Files.createDirectory(base.resolve(ClusterRecord.DIR_PREFIX + "stale"));
    // A stand-in for a broker JVM: its command line names the cluster's directory.
    child = new ProcessBuilder("sleep", "120", dir.toString()).start();
    ClusterRecord.write(dir, Map.of(0, child));
    long deadOwner = deadPid();
    Path record = dir.resolve("cluster.pids");
    Files.writeString(
        record, Files.readString(record).replaceAll("owner=\\d+", "owner=" + deadOwner));

    assertThat(ClusterRecord.cleanUpStale(base)).containsExactly(dir);

    assertThat(child.waitFor(10, TimeUnit.SECONDS)).isTrue();
    assertThat(dir).doesNotExist();
  }

  @Test
  void aRecordedPidNowUsedByAnotherProgramIsNotKilled() throws Exception {
    Path dir = Files.createDirectory(base.resolve(ClusterRecord.DIR_PREFIX + "reused"));
    // Alive, recorded, but its command line does not name the cluster: not ours any more.
    child = new ProcessBuilder("sleep", "120").start();
    ClusterRecord.write(dir, Map.of(0, child));
    Path record = dir.resolve("cluster.pids");
    Files.writeString(
        record, Files.readString(record).replaceAll("owner=\\d+", "owner=" + deadPid()));

    assertThat(ClusterRecord.cleanUpStale(base)).containsExactly(dir);

    assertThat(child.isAlive()).isTrue();
  }

  @Test
  void directoriesOfOtherProgramsAreIgnored() throws IOException {
    Path other = Files.createDirectory(base.resolve("someone-else"));
    Path unrecorded = Files.createDirectory(base.resolve(ClusterRecord.DIR_PREFIX + "starting"));

    assertThat(ClusterRecord.cleanUpStale(base)).isEmpty();
    assertThat(other).exists();
    assertThat(unrecorded).exists();
  }

  private static long deadPid() throws Exception {
    Process p = new ProcessBuilder("true").start();
    p.waitFor();
    return p.pid();
  }
}
