package org.evalnas.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the environment sets, in a process of its own: data paths and config overrides. */
class EnvironmentTest {
  @TempDir Path dir;

  @Test
  void environmentVariablesFillTheDataPathAndOverrideKeys() throws Exception {
    // a relative EVALNAS_NB201 is taken from where the user stands, not from the config file
    Path data = dir.resolve("data");
    Files.createDirectories(data);
    Files.copy(Distribution.shared("nb201/nb201-12epoch.csv"), data.resolve("nb201.csv"));
    Path conf = Path.of(System.getProperty("user.dir")).resolve("../configs/nb201-tabular.conf").normalize();
    Process p =
        Distribution.start(
            dir,
            Map.of(
                "EVALNAS_NB201", "data/nb201.csv",
                "CONFIG_FORCE_experiment_seeds", "2",
                "CONFIG_FORCE_experiment_budget_queries", "20"),
            "run", conf.toString(), "--output", dir.resolve("out").toString(), "--no-progress");
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(Files.readString(dir.resolve("stderr.txt"))).isZero();
    // 2 seeds x (2 policies + the baseline)
    assertThat(Files.readString(dir.resolve("stdout.txt"))).contains("6 cells run, 0 resumed, 0 failed");
    assertThat(Files.readString(dir.resolve("out/regularized-evolution/seed-1/result.json")))
        .contains("\"queries_used\" : 20");
  }
}
