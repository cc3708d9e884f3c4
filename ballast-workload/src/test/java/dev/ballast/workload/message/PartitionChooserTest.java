package dev.ballast.workload.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.Test;

class PartitionChooserTest {

  @Test
  void weightsSkewPartitionsExactlyOverACycle() {
    PartitionChooser chooser = new PartitionChooser(3, new long[] {4, 1, 1}, 1);
    int[] counts = new int[3];
    for (int i = 0; i < 600; i++) {
      counts[chooser.next(null)]++;
    }
    assertThat(counts).containsExactly(400, 100, 100);
  }

  @Test
  void smoothWeightsInterleaveInsteadOfBursting() {
    PartitionChooser chooser = new PartitionChooser(3, new long[] {4, 1, 1}, 1);
    StringBuilder order = new StringBuilder();
    for (int i = 0; i < 6; i++) {
      order.append(chooser.next(null));
    }
    assertThat(order.toString()).isEqualTo("001020");
  }

  @Test
  void roundRobinStaysOnAPartitionForARun() {
    PartitionChooser chooser = new PartitionChooser(2, null, 3);
    StringBuilder order = new StringBuilder();
    for (int i = 0; i < 8; i++) {
      order.append(chooser.next(null));
    }
    assertThat(order.toString()).isEqualTo("00011100");
  }

  @Test
  void keysUseKafkasDefaultHash() {
    PartitionChooser chooser = new PartitionChooser(6, null, 10);
    byte[] key = "key-7".getBytes(StandardCharsets.UTF_8);

    assertThat(chooser.next(key)).isEqualTo(Utils.toPositive(Utils.murmur2(key)) % 6);
  }

  @Test
  void weightsMustMatchPartitions() {
    assertThatThrownBy(() -> new PartitionChooser(3, new long[] {1, 1}, 1))
        .hasMessageContaining("2 weights for 3 partitions");
  }
}
