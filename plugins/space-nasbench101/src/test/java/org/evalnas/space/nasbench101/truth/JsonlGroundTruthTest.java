package org.evalnas.space.nasbench101.truth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigValueFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.evalnas.api.InputException;
import org.evalnas.api.space.Architecture;
import org.evalnas.api.truth.GroundTruth;
import org.evalnas.api.truth.GroundTruthProvider;
import org.evalnas.api.truth.TruthRecord;
import org.evalnas.space.nasbench101.Nb101Space;
import org.evalnas.space.nasbench101.SharedData;
import org.evalnas.space.nasbench101.TestContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonlGroundTruthTest {
  private static final String SECTION = "ground-truth.nasbench101";
  private static final String FIRST_HASH = "4a0ab8bbe2441a002e07b0f445ec2d63";
  private static Nb101Space space;

  @TempDir Path dir;

  @BeforeAll
  static void build() {
    space = Nb101Space.withEdges(7);
  }

  /** The section with {@code data} set explicitly, so EVALNAS_NB101 cannot leak in. */
  private static TestContext context(Path data, Map<String, ?> settings) {
    TestContext base = TestContext.of(SECTION, settings);
    Config config = base.config().withoutPath("data");
    if (data != null) {
      config = config.withValue("data", ConfigValueFactory.fromAnyRef(data.toString()));
    }
    return new TestContext(config, SECTION);
  }

  private static GroundTruth open(Path data, Map<String, ?> settings) {
    return new Nb101GroundTruthProvider().open(space, context(data, settings));
  }

  @Test
  void loadsTheNaslibSampleAsAPartialBenchmarkInPercent() {
    GroundTruth truth = open(SharedData.naslib500(), Map.of("report-metric", "validation_accuracy"));
    assertThat(truth.metrics())
        .containsExactlyInAnyOrder("validation_accuracy", "params_millions", "flops_millions");
    // 500 lines, 292 cells
    assertThat(truth.entries()).hasSize(292);
    Architecture first = space.byHash(FIRST_HASH).orElseThrow();
    TruthRecord record = truth.lookup(first).orElseThrow();
    assertThat(record.metric("validation_accuracy")).hasValue(92.578125);
    assertThat(record.metric("params_millions")).hasValue(4.095778);
    assertThat(record.trainingSeconds()).isNaN();
    assertThat(truth.entries().get(0).architecture()).isEqualTo(first);
    // an isomorphic encoding finds the same record: the label of the row's own cell
    Architecture asWritten = space.parse("mp<0 mp<0 c3<0 c3<0,3 out<0,1,2,4");
    assertThat(asWritten.id()).isEqualTo(FIRST_HASH);
    assertThat(truth.lookup(asWritten)).contains(record);
    // a cell the sample does not cover
    Architecture uncovered = space.parse("mp<0 mp<1 mp<2 mp<3 mp<4 out<5");
    assertThat(truth.lookup(uncovered)).isEmpty();
  }

  @Test
  void keepsPercentColumnsAndReadsTrainingTime() throws IOException {
    Path table = dir.resolve("t.jsonl");
    Files.writeString(table, """
        {"hash": "%s", "matrix": [[0, 1], [0, 0]], "ops": ["input", "output"], "test_accuracy": 81.5, "validation_accuracy": 0.8, "training_time": 120.5}
        """.formatted(space.parse("out<0").id()));
    GroundTruth truth = open(table, Map.of());
    TruthRecord record = truth.lookup(space.parse("out<0")).orElseThrow();
    assertThat(record.metric("test_accuracy")).hasValue(81.5);
    assertThat(record.metric("validation_accuracy")).hasValue(80.0);
    assertThat(record.trainingSeconds()).isEqualTo(120.5);
  }

  @Test
  void aHashThatIsNotItsCellsIsRefusedWithItsLine() throws IOException {
    List<String> lines = Files.readAllLines(SharedData.naslib500()).subList(0, 3);
    Path table = dir.resolve("bad.jsonl");
    Files.write(table, List.of(lines.get(0), lines.get(1).replaceFirst("\"hash\": \"d", "\"hash\": \"e"), lines.get(2)));
    assertThatThrownBy(() -> open(table, Map.of("report-metric", "validation_accuracy")))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("does not match its cell")
        .satisfies(e -> assertThat(((InputException) e).location()).contains("line 2"));
  }

  @Test
  void linesOfOneCellAreAveraged() throws IOException {
    String hash = space.parse("out<0").id();
    Path table = dir.resolve("repeats.jsonl");
    String line = "{\"hash\": \"%s\", \"matrix\": [[0, 1], [0, 0]], \"ops\": [\"input\", "
        + "\"output\"], \"validation_accuracy\": %s, \"test_accuracy\": %s}";
    Files.write(table, List.of(line.formatted(hash, 0.5, 0.25), line.formatted(hash, 0.75, 0.5)));
    TruthRecord record = open(table, Map.of()).lookup(space.parse("out<0")).orElseThrow();
    assertThat(record.metric("validation_accuracy")).hasValue(62.5);
    assertThat(record.metric("test_accuracy")).hasValue(37.5);
  }

  @Test
  void aMissingMetricNamesTheAvailableOnes() {
    assertThatThrownBy(() -> open(SharedData.naslib500(), Map.of()))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("'test_accuracy' is not in this benchmark")
        .hasMessageContaining("validation_accuracy");
  }

  @Test
  void missingDataSaysWhatToDownloadAndWhereToPutIt() {
    assertThatThrownBy(() -> open(null, Map.of()))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("nasbench_only108.tfrecord")
        .hasMessageContaining("EVALNAS_NB101")
        .hasMessageContaining("ground-truth.nasbench101.data");
    assertThatThrownBy(() -> open(dir.resolve("absent.jsonl"), Map.of()))
        .isInstanceOf(InputException.class).hasMessageContaining("is not a file");
  }

  @Test
  void isDiscoveredForTheSpace() {
    assertThat(ServiceLoader.load(GroundTruthProvider.class).stream().map(p -> p.get()))
        .anySatisfy(p -> {
          assertThat(p.name()).isEqualTo("nasbench101");
          assertThat(p.space()).isEqualTo("nasbench101");
        });
  }

}
