package org.evalnas.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.zip.ZipException;
import org.evalnas.api.space.SearchSpaceProvider;
import org.evalnas.testkit.fake.FakeSearchSpace;
import org.evalnas.testkit.fake.FakeSearchSpaceProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PluginJarBuilderTest {
  @TempDir Path dir;

  @Test
  void writesManifestServicesClassesAndResources() throws IOException {
    Path path =
        PluginJarBuilder.plugin("space-demo")
            .version("1.2.0")
            .description("a demo space")
            .addService(SearchSpaceProvider.class, FakeSearchSpaceProvider.class)
            .addClass(FakeSearchSpace.class, Nest.Inner.class)
            .addResource("reference.conf", "space.demo { }\n")
            .writeTo(dir);

    assertThat(path.getFileName().toString()).isEqualTo("space-demo-1.2.0.jar");
    try (JarFile jar = new JarFile(path.toFile())) {
      Attributes main = jar.getManifest().getMainAttributes();
      assertThat(main.getValue("Plugin-Id")).isEqualTo("space-demo");
      assertThat(main.getValue("Plugin-Version")).isEqualTo("1.2.0");
      assertThat(main.getValue("Plugin-Description")).isEqualTo("a demo space");
      List<String> names = Collections.list(jar.entries()).stream().map(e -> e.getName()).toList();
      assertThat(names)
          .contains(
              "META-INF/services/org.evalnas.api.space.SearchSpaceProvider",
              "org/evalnas/testkit/fake/FakeSearchSpaceProvider.class",
              "org/evalnas/testkit/fake/FakeSearchSpace.class",
              "org/evalnas/testkit/PluginJarBuilderTest$Nest.class",
              "org/evalnas/testkit/PluginJarBuilderTest$Nest$Inner.class",
              "reference.conf");
      String services =
          new String(
              jar.getInputStream(
                      jar.getEntry("META-INF/services/org.evalnas.api.space.SearchSpaceProvider"))
                  .readAllBytes(),
              StandardCharsets.UTF_8);
      assertThat(services.strip()).isEqualTo(FakeSearchSpaceProvider.class.getName());
      byte[] copied =
          jar.getInputStream(jar.getEntry("org/evalnas/testkit/fake/FakeSearchSpace.class"))
              .readAllBytes();
      byte[] original =
          FakeSearchSpace.class
              .getResourceAsStream("FakeSearchSpace.class")
              .readAllBytes();
      assertThat(copied).isEqualTo(original);
    }
  }

  @Test
  void copiesClassesFromJarsToo() throws IOException {
    // JUnit's Test annotation lives in a jar on the test class path
    Path path = PluginJarBuilder.plugin("from-jar").addClass(Test.class).writeTo(dir);
    try (JarFile jar = new JarFile(path.toFile())) {
      assertThat(jar.getEntry("org/junit/jupiter/api/Test.class")).isNotNull();
    }
  }

  @Test
  void canLeaveOutThePluginId() throws IOException {
    Path path = PluginJarBuilder.plugin("nameless").omitPluginId().writeTo(dir);
    try (JarFile jar = new JarFile(path.toFile())) {
      assertThat(jar.getManifest().getMainAttributes().getValue("Plugin-Id")).isNull();
      assertThat(jar.getManifest().getMainAttributes().getValue("Plugin-Version"))
          .isEqualTo("0.0.1");
    }
  }

  @Test
  void truncatedJarIsNotAZip() throws IOException {
    PluginJarBuilder builder =
        PluginJarBuilder.plugin("broken").addResource("reference.conf", "x = 1\n".repeat(200));
    Path path = builder.writeTruncatedTo(dir);
    assertThat(Files.size(path)).isEqualTo(builder.bytes().length / 2);
    assertThatThrownBy(() -> new JarFile(path.toFile()).close()).isInstanceOf(ZipException.class);
  }

  /** Has a nested class, which the builder must copy with it. */
  static final class Nest {
    static final class Inner {}
  }
}
