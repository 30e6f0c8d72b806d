package org.evalnas.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The distribution's launcher script as a user runs it: the JVM options and environment it
 * chooses per command, as the run's provenance.json records them.
 */
class LauncherTest {
  @TempDir Path dir;

  private JsonNode run(Map<String, String> env) throws Exception {
    Path conf =
        Distribution.nb201Experiment(
            dir.resolve("exp.conf"), "launcher",
            "seeds = 1, policies = [regularized-evolution], budget.queries = 20", "");
    Path out = dir.resolve("out-" + env.size());
    // --plugins before the command: the launcher must still see that the command is run
    Distribution.Result r =
        Distribution.launch(
            env, "--plugins", Distribution.PLUGINS.toString(),
            "run", conf.toString(), "--output", out.toString(), "--no-progress", "--no-metrics");
    assertThat(r.code()).as(r.out()).isZero();
    return new ObjectMapper().readTree(out.resolve("provenance.json").toFile());
  }

  @Test
  void runGetsC1AndTheAllocatorSettingsUnlessTheUserSetsTheirOwn() throws Exception {
    JsonNode defaults = run(Map.of());
    // read from the launcher's real command line (JvmOptions): its options, not its class path
    assertThat(defaults.at("/jvm/options").toString())
        .contains("-XX:TieredStopAtLevel=1", "-Dai.djl.offline=true")
        .doesNotContain("\"-cp\"", "/lib/*", "org.evalnas.runtime.cli.Main");
    assertThat(defaults.at("/environment/GLIBC_TUNABLES").asText())
        .isEqualTo(
            "glibc.malloc.mmap_threshold=268435456:glibc.malloc.trim_threshold=1073741824:glibc.malloc.arena_max=1");
    assertThat(defaults.at("/finished").isTextual()).isTrue();
    // the jars are hashed in the background; provenance waits for the real digests
    assertThat(defaults.at("/plugins")).hasSizeGreaterThanOrEqualTo(5);
    for (JsonNode plugin : defaults.at("/plugins")) {
      Path jar = Path.of(plugin.get("jar").asText());
      String digest = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(jar)));
      assertThat(plugin.get("sha256").asText()).as(jar.toString()).isEqualTo(digest);
    }

    JsonNode own = run(Map.of("GLIBC_TUNABLES", "glibc.malloc.arena_max=4"));
    assertThat(own.at("/environment/GLIBC_TUNABLES").asText()).isEqualTo("glibc.malloc.arena_max=4");
  }

  /** The value of TieredStopAtLevel the launcher gives the JVM of {@code args}. */
  private static String tieredStopAtLevel(String... args) throws Exception {
    Distribution.Result r = Distribution.launch(Map.of("EVALNAS_JAVA_OPTS", "-XX:+PrintFlagsFinal"), args);
    assertThat(r.code()).as(r.out()).isZero();
    return r.out().lines()
        .filter(l -> l.matches("\\s*intx TieredStopAtLevel\\s*=.*"))
        .map(l -> l.replaceAll(".*=\\s*(\\d+).*", "$1"))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no TieredStopAtLevel in\n" + r.out()));
  }

  @Test
  void onlyTheJavaBoundNasBench101ToolsKeepTheC2Compiler() throws Exception {
    // training and tabular commands: C1 only, so C2 does not take a core from libtorch's threads
    assertThat(tieredStopAtLevel("plugins")).isEqualTo("1");
    assertThat(tieredStopAtLevel("--plugins", Distribution.PLUGINS.toString(), "benchmark", "--help"))
        .isEqualTo("1");
    assertThat(tieredStopAtLevel("--plugins", Distribution.PLUGINS.toString(), "nasbench101", "--help"))
        .isEqualTo("4");
  }
}
