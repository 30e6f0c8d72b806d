package org.evalnas.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real plugin jars, loaded by PF4J, and broken ones beside them. */
class PluginLoadingTest {
  @TempDir Path dir;

  @Test
  void listsEachPluginAndItsExtensions() {
    Distribution.Result r = Distribution.cli("plugins");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.err()).isEmpty();
    assertThat(r.out())
        .containsPattern("space-nasbench201 0\\.1\\.0-SNAPSHOT  .*plugins/evalnas-space-nasbench201\\.jar")
        .containsPattern("policy-random 0\\.1\\.0-SNAPSHOT  .*evalnas-policy-random\\.jar")
        .containsPattern("policy-evolution 0\\.1\\.0-SNAPSHOT  .*evalnas-policy-evolution\\.jar")
        .containsPattern("space\\s+nasbench201")
        .containsPattern("ground-truth\\s+nasbench201")
        .containsPattern("policy\\s+random-search")
        .containsPattern("policy\\s+regularized-evolution")
        .containsPattern("evaluator\\s+ground-truth");
  }

  @Test
  void brokenJarsAreReportedWithPathAndReasonAndTheOthersLoad() throws IOException {
    Path plugins = dir.resolve("plugins");
    Files.createDirectories(plugins);
    try (var jars = Files.list(Distribution.PLUGINS)) {
      for (Path jar : jars.toList()) {
        Files.copy(jar, plugins.resolve(jar.getFileName()));
      }
    }
    // a truncated download
    byte[] real = Files.readAllBytes(plugins.resolve("evalnas-policy-random.jar"));
    Files.write(plugins.resolve("a-truncated.jar"), java.util.Arrays.copyOf(real, real.length / 3));
    // a jar that is no plugin: no Plugin-Id in its manifest
    Manifest m = new Manifest();
    m.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(plugins.resolve("b-no-id.jar")), m)) {
      out.flush();
    }
    Distribution.Result r =
        Distribution.cli("--plugins", plugins.toString(), "plugins");
    assertThat(r.code()).isZero();
    assertThat(r.err().lines().toList())
        .hasSize(2)
        .anySatisfy(l -> assertThat(l).startsWith("warning: skipped plugin " + plugins.resolve("a-truncated.jar") + ": "))
        .anySatisfy(l -> assertThat(l).startsWith("warning: skipped plugin " + plugins.resolve("b-no-id.jar") + ": "));
    assertThat(r.out()).contains("policy-random").contains("policy-evolution").contains("space-nasbench201");
  }
}
