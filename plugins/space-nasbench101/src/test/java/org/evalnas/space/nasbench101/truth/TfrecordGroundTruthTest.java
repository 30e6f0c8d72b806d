package org.evalnas.space.nasbench101.truth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.typesafe.config.ConfigValueFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.evalnas.api.InputException;
import org.evalnas.api.space.Architecture;
import org.evalnas.api.truth.GroundTruth;
import org.evalnas.api.truth.TruthRecord;
import org.evalnas.space.nasbench101.Nb101Space;
import org.evalnas.space.nasbench101.TestContext;
import org.evalnas.space.nasbench101.tfrecord.TfRecordFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TfrecordGroundTruthTest {
  @TempDir Path dir;

  @Test
  void opensTheOfficialFormatAsMeansInPercent() throws IOException {
    // a 4-vertex space: the table is still indexed by the 7-vertex catalog
    Nb101Space space = Nb101Space.withEdges(4);
    Architecture cell = space.parse("c3<0 mp<0,1 out<2");
    TfRecordFixture f = new TfRecordFixture();
    int[][] matrix = {{0, 1, 1, 0}, {0, 0, 1, 0}, {0, 0, 0, 1}, {0, 0, 0, 0}};
    String ops = "input,conv3x3-bn-relu,maxpool3x3,output";
    f.run(cell.id(), 108, matrix, ops, 1234, 600, 1.0, 0.90, 0.80);
    f.run(cell.id(), 108, matrix, ops, 1234, 800, 1.0, 0.92, 0.84);
    Path file = dir.resolve("nb.tfrecord");
    Files.write(file, f.bytes());

    TestContext base = TestContext.of("ground-truth.nasbench101", Map.of());
    TestContext context = new TestContext(
        base.config().withValue("data", ConfigValueFactory.fromAnyRef(file.toString())),
        base.configPath());
    GroundTruth truth = new Nb101GroundTruthProvider().open(space, context);
    TruthRecord record = truth.lookup(cell).orElseThrow();
    assertThat(record.metric("validation_accuracy").orElseThrow()).isCloseTo(91.0, within());
    assertThat(record.metric("test_accuracy").orElseThrow()).isCloseTo(82.0, within());
    assertThat(record.metric("trainable_parameters")).hasValue(1234);
    assertThat(record.trainingSeconds()).isEqualTo(700);
    assertThat(truth.entries()).hasSize(1);
    assertThat(truth.lookup(space.parse("out<0"))).isEmpty();

    // data may name the cache the first open wrote, with or without the file beside it
    Path cache = dir.resolve("nb.tfrecord.evalnas-cache");
    assertThat(cache).exists();
    Path elsewhere = Files.createDirectories(dir.resolve("copy")).resolve(cache.getFileName());
    Files.copy(cache, elsewhere);
    for (Path data : List.of(cache, elsewhere)) {
      TestContext viaCache = new TestContext(
          base.config().withValue("data", ConfigValueFactory.fromAnyRef(data.toString())), base.configPath());
      GroundTruth fromCache = new Nb101GroundTruthProvider().open(space, viaCache);
      assertThat(fromCache.lookup(cell)).hasValue(record);
    }

    TestContext noSuchMetric = new TestContext(
        context.config().withValue("report-metric", ConfigValueFactory.fromAnyRef("acc")),
        base.configPath());
    assertThatThrownBy(() -> new Nb101GroundTruthProvider().open(space, noSuchMetric))
        .isInstanceOf(InputException.class).hasMessageContaining("available metrics");
  }

  private static org.assertj.core.data.Offset<Double> within() {
    return org.assertj.core.data.Offset.offset(1e-9);
  }
}
