package dev.ballast.core.fix;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Compares rendered text with a golden file under {@code src/test/resources/golden/}; with {@code
 * -Dballast.updateGoldens=true} it rewrites the golden file instead (then review the diff).
 */
final class GoldenFiles {

  private static final boolean UPDATE = Boolean.getBoolean("ballast.updateGoldens");

  private GoldenFiles() {}

  static void assertMatches(String name, String actual) throws IOException {
    if (UPDATE) {
      Path file = Path.of("src/test/resources/golden", name);
      Files.createDirectories(file.getParent());
      Files.writeString(file, actual, StandardCharsets.UTF_8);
      return;
    }
    try (InputStream in = GoldenFiles.class.getResourceAsStream("/golden/" + name)) {
      assertThat(in)
          .as("golden file golden/%s is missing: run with -Dballast.updateGoldens=true", name)
          .isNotNull();
      String expected = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      assertThat(actual).as("rendered %s differs from its golden file", name).isEqualTo(expected);
    }
  }
}
