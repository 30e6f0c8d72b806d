package org.evalnas.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The distribution's launcher script as a user runs it: the JVM options and environment it
 * chooses per command, as the run's provenance.json records them.
 */
class LauncherTest {
  @TempDir Path dir;

  private JsonNode run(String tunables) throws Exception {
    Path conf = dir.resolve("exp.conf");
    Files.writeString(
        conf,
        "experiment { name = launcher, seeds = 1, space = nasbench201, ground-truth = nasbench201\n"
            + "  policies = [regularized-evolution], budget.queries = 20 }\n"
            + "ground-truth.nasbench201.data = \"" + Distribution.shared("nb201/nb201-12epoch.csv") + "\"\n");
    Path out = dir.resolve("out-" + (tunables == null ? "default" : "own"));
    // --plugins before the command: the launcher must still see that the command is run
    List<String> cmd = new ArrayList<>(List.of(Distribution.HOME.resolve("evalnas").toString(),
        "--plugins", Distribution.PLUGINS.toString(),
        "run", conf.toString(), "--output", out.toString(), "--no-progress", "--no-metrics"));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    pb.environment().remove("GLIBC_TUNABLES");
    pb.environment().remove("EVALNAS_JAVA_OPTS");
    if (tunables != null) {
      pb.environment().put("GLIBC_TUNABLES", tunables);
    }
    Process p = pb.start();
    String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(log).isZero();
    return new ObjectMapper().readTree(out.resolve("provenance.json").toFile());
  }

  @Test
  void runGetsC1AndTheAllocatorSettingsUnlessTheUserSetsTheirOwn() throws Exception {
    JsonNode defaults = run(null);
    assertThat(defaults.at("/jvm/options").toString())
        .contains("-XX:TieredStopAtLevel=1", "-Dai.djl.offline=true");
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

    JsonNode own = run("glibc.malloc.arena_max=4");
    assertThat(own.at("/environment/GLIBC_TUNABLES").asText()).isEqualTo("glibc.malloc.arena_max=4");
  }

  /** The value of TieredStopAtLevel the launcher gives the JVM of {@code args}. */
  private String tieredStopAtLevel(String... args) throws Exception {
    List<String> cmd = new ArrayList<>(List.of(Distribution.HOME.resolve("evalnas").toString()));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    pb.environment().put("EVALNAS_JAVA_OPTS", "-XX:+PrintFlagsFinal");
    Process p = pb.start();
    String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(log).isZero();
    return log.lines()
        .filter(l -> l.matches("\\s*intx TieredStopAtLevel\\s*=.*"))
        .map(l -> l.replaceAll(".*=\\s*(\\d+).*", "$1"))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no TieredStopAtLevel in\n" + log));
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
