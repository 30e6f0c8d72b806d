package org.evalnas.space.nasbench101.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.evalnas.api.InputException;
import org.evalnas.api.truth.GroundTruth;
import org.evalnas.api.truth.TruthRecord;
import org.evalnas.nn.evaluate.ScratchTrainer;
import org.evalnas.space.nasbench101.Nb101Space;
import org.evalnas.space.nasbench101.TestContext;
import org.evalnas.space.nasbench101.truth.Nb101GroundTruthProvider;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Builds of 2 tiny cells x 2 repeats on 512 Fashion-MNIST images. */
@Tag("slow")
class BenchmarkBuildTest {
  @TempDir Path dir;

  private Path config(String output, int epochs) throws IOException {
    Path file = dir.resolve(output + ".conf");
    Files.writeString(
        file,
        "benchmark { max-vertices = 3, cells = 2, repeats = 2, output = " + output + "\n"
            + "  recipe { epochs = " + epochs + ", batch-size = 64, train-images = 512,"
            + " validation-portion = 0.005, test-images = 256, channels = 4, stacks = 2 } }\n");
    return file;
  }

  private static String table(Path output) throws IOException {
    return Files.readString(output.resolve(BenchmarkBuild.TABLE));
  }

  @Test
  void writesATableTheGroundTruthLoads() throws IOException {
    StringWriter log = new StringWriter();
    int code =
        new BenchmarkCommandProvider()
            .run(List.of("build", config("out", 1).toString()), System.in, new PrintWriter(log), new PrintWriter(log));
    assertThat(code).isZero();
    assertThat(log.toString()).contains("cell 2/2 repeat 2/2", "epoch 1/1", "ETA");
    Path table = dir.resolve("out").resolve(BenchmarkBuild.TABLE);
    assertThat(Files.readAllLines(table)).hasSize(2);

    Nb101Space space = Nb101Space.withEdges(7);
    GroundTruth truth =
        new Nb101GroundTruthProvider()
            .open(space, TestContext.of("ground-truth.nasbench101", Map.of("data", table.toString())));
    assertThat(truth.entries()).hasSize(2);
    assertThat(truth.metrics())
        .contains("validation_accuracy", "test_accuracy", "validation_accuracy_0",
            "test_accuracy_1", "trainable_parameters", "training_time");
    for (var entry : truth.entries()) {
      TruthRecord r = entry.record();
      assertThat(r.metric("test_accuracy").getAsDouble()).isBetween(5.0, 100.0);
      assertThat(r.metric("test_accuracy").getAsDouble())
          .isCloseTo((r.metric("test_accuracy_0").getAsDouble() + r.metric("test_accuracy_1").getAsDouble()) / 2, org.assertj.core.data.Offset.offset(1e-9));
      assertThat(r.metric("trainable_parameters").getAsDouble()).isPositive();
    }
  }

  @Test
  void anInterruptedBuildResumesToTheSameTable() throws IOException {
    BuildSettings whole = BuildSettings.load(config("whole", 2), List.of());
    StringWriter sink = new StringWriter();
    new BenchmarkBuild(whole, new PrintWriter(sink)).run();

    BuildSettings broken = BuildSettings.load(config("broken", 2), List.of());
    BenchmarkBuild first = new BenchmarkBuild(broken, new PrintWriter(sink));
    AtomicInteger epochs = new AtomicInteger();
    // killed at the end of run 3's second epoch (cell 2, repeat 1), before its checkpoint: the
    // checkpoint of its first epoch is what the rerun resumes from
    first.afterEpoch = () -> {
      if (epochs.incrementAndGet() == 6) {
        throw new IllegalStateException("killed");
      }
    };
    assertThatThrownBy(first::run).hasMessage("killed");
    Path work = broken.output().resolve("cells");
    try (Stream<Path> files = Files.walk(work)) {
      assertThat(files.filter(p -> p.getFileName().toString().equals(ScratchTrainer.CHECKPOINT)))
          .hasSize(1);
    }
    assertThat(broken.output().resolve(BenchmarkBuild.TABLE)).doesNotExist();

    BenchmarkBuild second = new BenchmarkBuild(broken, new PrintWriter(sink));
    AtomicInteger resumedEpochs = new AtomicInteger();
    second.afterEpoch = resumedEpochs::incrementAndGet;
    second.run();
    // run 3 resumed at its second epoch (1 epoch left), run 4 trained whole (2)
    assertThat(resumedEpochs).hasValue(3);
    assertThat(stripTimes(table(broken.output()))).isEqualTo(stripTimes(table(whole.output())));
  }

  @Test
  void refusesResultsOfAnotherRecipe() throws IOException {
    BuildSettings a = BuildSettings.load(config("same", 1), List.of("benchmark.cells = 1", "benchmark.repeats = 1"));
    new BenchmarkBuild(a, new PrintWriter(new StringWriter())).run();
    BuildSettings b = BuildSettings.load(config("same", 1), List.of("benchmark.cells = 1", "benchmark.repeats = 1", "benchmark.recipe.lr = 0.05"));
    assertThatThrownBy(() -> new BenchmarkBuild(b, new PrintWriter(new StringWriter())).run())
        .isInstanceOf(InputException.class)
        .hasMessageContaining("another recipe");
  }

  /** The table without the wall times, which differ between runs. */
  private static String stripTimes(String table) {
    return table.replaceAll("\"training_time\":[0-9.Ee+-]+", "\"training_time\":0");
  }
}
