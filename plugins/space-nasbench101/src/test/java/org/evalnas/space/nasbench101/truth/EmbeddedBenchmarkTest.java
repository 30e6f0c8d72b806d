package org.evalnas.space.nasbench101.truth;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.ConfigValueFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.evalnas.api.space.Architecture;
import org.evalnas.api.truth.GroundTruth;
import org.evalnas.api.truth.TruthRecord;
import org.evalnas.space.nasbench101.Nb101Space;
import org.evalnas.space.nasbench101.TestContext;
import org.junit.jupiter.api.Test;

/**
 * The committed embedded benchmark (benchmarks/nb101-v4-fmnist/table.jsonl: every cell with at
 * most 4 vertices trained from scratch on Fashion-MNIST, 3 repeats) loads through the plugin
 * as a complete benchmark of the 4-vertex space.
 */
class EmbeddedBenchmarkTest {
  private static final Path TABLE = Path.of("../../benchmarks/nb101-v4-fmnist/table.jsonl");

  @Test
  void coversEveryCellOfTheFourVertexSpaceWithThreeRepeats() {
    assertThat(TABLE).as("the committed benchmark").exists();
    Nb101Space space = Nb101Space.withEdges(4);
    TestContext base = TestContext.of("ground-truth.nasbench101", Map.of("report-metric", "test_accuracy"));
    GroundTruth truth =
        new Nb101GroundTruthProvider()
            .open(space, new TestContext(base.config().withValue("data", ConfigValueFactory.fromAnyRef(TABLE.toString())), base.configPath()));
    assertThat(truth.entries()).hasSize(91);
    assertThat(truth.metrics())
        .contains("validation_accuracy", "test_accuracy", "trainable_parameters", "training_time")
        .contains("test_accuracy_0", "test_accuracy_1", "test_accuracy_2");
    List<Architecture> all = space.enumerate().toList();
    for (Architecture a : all) {
      TruthRecord r = truth.lookup(a).orElseThrow();
      double mean = r.metric("test_accuracy").orElseThrow();
      double repeats =
          (r.metric("test_accuracy_0").orElseThrow() + r.metric("test_accuracy_1").orElseThrow()
              + r.metric("test_accuracy_2").orElseThrow()) / 3;
      assertThat(mean).as(a.label()).isCloseTo(repeats, org.assertj.core.data.Offset.offset(1e-9));
      // 10 classes: every trained cell is far above chance, none is perfect
      assertThat(mean).as(a.label()).isBetween(30.0, 99.0);
      assertThat(r.trainingSeconds()).isPositive();
    }
  }

  @Test
  void itsLinesAreInTheGeneratorsOrder() throws Exception {
    List<String> lines = Files.readAllLines(TABLE);
    assertThat(lines).hasSize(91);
    List<String> hashes = Nb101Space.withEdges(4).enumerate().map(Architecture::id).toList();
    assertThat(lines.stream().map(l -> l.substring(l.indexOf("\"hash\":\"") + 8, l.indexOf("\"hash\":\"") + 40)).toList())
        .isEqualTo(hashes);
  }
}
