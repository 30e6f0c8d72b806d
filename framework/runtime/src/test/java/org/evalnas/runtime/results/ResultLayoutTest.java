package org.evalnas.runtime.results;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultLayoutTest {
  @TempDir Path out;

  @Test
  void seedsWithDirectoriesAreTheCellDirectoriesOfThatPolicyOnly() throws IOException {
    Files.createDirectories(out.resolve("spos/seed-1"));
    Files.createDirectories(out.resolve("spos/seed-20"));
    Files.createDirectories(out.resolve("spos/seed-x")); // not a cell of ours
    Files.createDirectories(out.resolve("spos/evaluation"));
    Files.createDirectories(out.resolve("fairnas/seed-3"));
    Files.writeString(out.resolve("spos/notes.txt"), "mine");

    assertThat(ResultLayout.seedsWithDirectories(out, "spos")).containsExactlyInAnyOrder(1L, 20L);
    assertThat(ResultLayout.seedsWithDirectories(out, "fairnas")).containsExactly(3L);
    assertThat(ResultLayout.seedsWithDirectories(out, "random-baseline")).isEmpty();
    assertThat(ResultLayout.seedsWithDirectories(out.resolve("absent"), "spos")).isEmpty();
  }
}
