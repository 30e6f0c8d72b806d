package org.evalnas.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SharedDataTest {
  @TempDir Path dir;

  @Test
  void theSystemPropertyWins() throws Exception {
    String before = System.getProperty(SharedData.PROPERTY);
    try {
      System.setProperty(SharedData.PROPERTY, dir.toString());
      assertThat(SharedData.root()).contains(dir.toAbsolutePath().normalize());
    } finally {
      restore(before);
    }
  }

  @Test
  void aMissingPropertyDirectoryFallsBackToWalkingUp() {
    String before = System.getProperty(SharedData.PROPERTY);
    try {
      System.setProperty(SharedData.PROPERTY, dir.resolve("absent").toString());
      SharedData.root()
          .ifPresent(root -> assertThat(Files.isDirectory(root.resolve("data"))).isTrue());
    } finally {
      restore(before);
    }
  }

  @Test
  void assumeAvailableGivesAnExistingDirectoryOrSkips() {
    assertThat(SharedData.assumeAvailable()).isDirectory();
  }

  private static void restore(String before) {
    if (before == null) {
      System.clearProperty(SharedData.PROPERTY);
    } else {
      System.setProperty(SharedData.PROPERTY, before);
    }
  }
}
