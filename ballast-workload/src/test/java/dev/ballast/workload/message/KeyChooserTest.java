package dev.ballast.workload.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class KeyChooserTest {

  private static String text(byte[] key) {
    return key == null ? null : new String(key, StandardCharsets.UTF_8);
  }

  @Test
  void noneGivesNoKey() {
    assertThat(KeyChooser.none().next()).isNull();
  }

  @Test
  void roundRobinCyclesThroughTheKeys() {
    KeyChooser keys = new KeyChooser(KeyKind.ROUND_ROBIN, 3, 0, 1);
    assertThat(text(keys.next())).isEqualTo("key-0");
    assertThat(text(keys.next())).isEqualTo("key-1");
    assertThat(text(keys.next())).isEqualTo("key-2");
    assertThat(text(keys.next())).isEqualTo("key-0");
  }

  @Test
  void hotKeyTakesItsFraction() {
    KeyChooser keys = new KeyChooser(KeyKind.HOT_KEY, 100, 0.8, 42);
    int hot = 0;
    for (int i = 0; i < 10_000; i++) {
      hot += "key-0".equals(text(keys.next())) ? 1 : 0;
    }
    assertThat(hot).isBetween(7_800, 8_200);
  }
}
