package org.evalnas.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.ConfigFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestPluginContextTest {
  @TempDir Path dir;

  @Test
  void mergesOverridesOverTheReferenceSection() {
    TestPluginContext context =
        TestPluginContext.forSection(
            "ground-truth.fake", ConfigFactory.parseMap(Map.of("search-metric", "train")));
    assertThat(context.config().getString("search-metric")).isEqualTo("train");
    assertThat(context.config().getString("report-metric")).isEqualTo("test");
    assertThat(context.configPath()).isEqualTo("ground-truth.fake");
  }

  @Test
  void pathsResolveAgainstTheFileThatSetThem() throws Exception {
    Path file = Files.writeString(dir.resolve("experiment.conf"), "data = tables/nb201.csv\n");
    TestPluginContext context =
        new TestPluginContext(
            ConfigFactory.parseFile(file.toFile()), "space.x", Path.of("/elsewhere"));
    assertThat(context.path("data")).contains(dir.resolve("tables/nb201.csv"));
    assertThat(context.path("absent")).isEmpty();
    assertThat(context.resolvePath("a/b")).isEqualTo(Path.of("/elsewhere/a/b"));
  }
}
