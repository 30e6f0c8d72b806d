package org.evalnas.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Training through the plugin jars, in a JVM of its own as the launcher starts it: the space and
 * evaluator plugins see evalnas-nn and DJL from the host's lib/ (parent-first), the natives come
 * from the jar there (offline). A tiny benchmark of the 7 cells with at most 3 vertices is built,
 * then an experiment searches it and scores its choice with train-from-scratch.
 */
@Tag("slow")
class TrainingEndToEndTest {
  private static final String RECIPE =
      "epochs = 1, batch-size = 64, train-images = 256, test-images = 256,"
          + " validation-portion = 0.005, channels = 4, stacks = 1";

  @TempDir Path dir;

  @Test
  void buildsABenchmarkAndTrainsTheChosenCell() throws Exception {
    Distribution.write(
        dir.resolve("build.conf"),
        "benchmark { max-vertices = 3, repeats = 1, output = bench, recipe { " + RECIPE + " } }\n");
    Process build = Distribution.start(dir, "benchmark", "build", "build.conf");
    assertThat(build.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(build.exitValue()).as(Files.readString(dir.resolve("stderr.txt"))).isZero();
    assertThat(Files.readString(dir.resolve("stdout.txt"))).contains("cell 7/7 repeat 1/1", "wrote");
    assertThat(Files.readAllLines(dir.resolve("bench/table.jsonl"))).hasSize(7);

    Distribution.write(
        dir.resolve("experiment.conf"),
        "experiment { name = e2e, seeds = 1, space = nasbench101, ground-truth = nasbench101,\n"
            + "  policies = [random-search], budget.queries = 3, evaluator = train-from-scratch }\n"
            + "space.nasbench101.max-vertices = 3\n"
            + "ground-truth.nasbench101 { data = bench/table.jsonl, report-metric = test_accuracy }\n"
            + "evaluator.train-from-scratch { " + RECIPE + " }\n"
            + "metrics.enabled = false\n");
    Process run = Distribution.start(dir, "run", "experiment.conf", "--output", "out", "--no-progress");
    assertThat(run.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(run.exitValue()).as(Files.readString(dir.resolve("stderr.txt"))).isZero();
    assertThat(Files.readString(dir.resolve("stdout.txt"))).contains("2 cells run, 0 resumed, 0 failed");
    assertThat(Files.readString(dir.resolve("out/random-search/seed-0/result.json")))
        .contains("\"test_accuracy\"", "\"validation_accuracy\"", "\"parameters\"");
  }
}
