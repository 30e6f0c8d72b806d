package org.evalnas.space.nasbench201.truth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.assertj.core.api.AbstractThrowableAssert;
import org.evalnas.api.InputException;
import org.evalnas.api.space.Architecture;
import org.evalnas.api.truth.GroundTruth;
import org.evalnas.api.truth.TruthEntry;
import org.evalnas.api.truth.TruthRecord;
import org.evalnas.space.nasbench201.Nb201Space;
import org.evalnas.space.nasbench201.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvGroundTruthTest {
  private final Nb201Space space = Nb201Space.create();
  private final Nb201GroundTruthProvider provider = new Nb201GroundTruthProvider();

  @TempDir Path dir;

  private GroundTruth open(Path data, Map<String, Object> settings) {
    return provider.open(space, TestContext.of(data, settings));
  }

  @Test
  void readsTheShared12EpochTable() {
    Path file = SharedData.path("data/nb201/nb201-12epoch.csv");
    GroundTruth truth = open(file, Map.of());
    assertThat(truth.source()).isEqualTo(file);
    assertThat(truth.metrics())
        .containsExactlyInAnyOrder("cifar10_valid", "cifar10_test", "cifar100_valid",
            "cifar100_test", "imagenet16_120_valid", "imagenet16_120_test");
    assertThat(truth.searchMetric()).isEqualTo("cifar10_valid");
    assertThat(truth.reportMetric()).isEqualTo("cifar10_test");
    TruthRecord first = truth.lookup(space.architecture(0)).orElseThrow();
    assertThat(first.metric("cifar10_valid")).hasValue(63.364);
    assertThat(first.metric("cifar10_test")).hasValue(69.55);
    assertThat(first.metric("imagenet16_120_valid")).hasValue(18.4667);
    assertThat(first.trainingSeconds()).isNaN();
    TruthRecord last = truth.lookup(space.architecture(15_624)).orElseThrow();
    assertThat(last.metric("cifar100_test")).hasValue(25.36);
    // the official example string is index 1
    Architecture example = space.parse(
        "|nor_conv_3x3~0|+|nor_conv_3x3~0|avg_pool_3x3~1|+|skip_connect~0|nor_conv_3x3~1|skip_connect~2|");
    assertThat(truth.lookup(example).orElseThrow().metric("cifar10_valid")).hasValue(82.834);
    List<TruthEntry> entries = truth.entries();
    assertThat(entries).hasSize(15_625);
    assertThat(entries.get(284).architecture()).isEqualTo(space.architecture(284));
  }

  @Test
  void the200EpochTestTableNeedsTestMetrics() {
    Path file = SharedData.path("data/nb201/nb201-200epoch-test.csv");
    assertError(() -> open(file, Map.of()))
        .hasMessageContaining("metric 'cifar10_valid' is not in this benchmark")
        .hasMessageContaining("available metrics: cifar100_test, cifar10_test, imagenet16_120_test")
        .satisfies(e -> assertThat(((InputException) e).location())
            .hasValue("key ground-truth.nasbench201.search-metric"));
    GroundTruth truth =
        open(file, Map.of("search-metric", "cifar10_test", "report-metric", "cifar100_test"));
    assertThat(truth.lookup(space.architecture(11)).orElseThrow().metric("cifar10_test"))
        .hasValue(91.5833);
  }

  @Test
  void readsAnyRowOrderAndExtraMetricColumns() throws IOException {
    List<String> rows = new ArrayList<>();
    for (int i = 0; i < 15_625; i++) {
      rows.add(i + "," + space.architecture(i).label() + "," + value(i, 0) + "," + value(i, 1)
          + "," + value(i, 2));
    }
    Collections.shuffle(rows, new Random(3));
    Path file = dir.resolve("permuted.csv");
    Files.writeString(file,
        "index,arch,svhn_valid,cifar10_valid,cifar10_test\r\n" + String.join("\r\n", rows));
    GroundTruth truth = open(file, Map.of());
    assertThat(truth.metrics()).containsExactlyInAnyOrder("svhn_valid", "cifar10_valid",
        "cifar10_test");
    for (int i : new int[] {0, 1, 77, 6_000, 15_624}) {
      TruthRecord r = truth.lookup(space.architecture(i)).orElseThrow();
      assertThat(r.metric("svhn_valid").getAsDouble()).isCloseTo(value(i, 0), within(1e-12));
      assertThat(r.metric("cifar10_valid").getAsDouble()).isCloseTo(value(i, 1), within(1e-12));
      assertThat(r.metric("cifar10_test").getAsDouble()).isCloseTo(value(i, 2), within(1e-12));
    }
  }

  private static double value(int index, int column) {
    return ((index * 7 + column * 13) % 10_000) / 100.0;
  }

  /** A valid table of all cells, lines as a mutable list (line N is element N-1). */
  private List<String> validTable() {
    List<String> lines = new ArrayList<>();
    lines.add("index,arch,cifar10_valid,cifar10_test");
    for (int i = 0; i < 15_625; i++) {
      lines.add(i + "," + space.architecture(i).label() + "," + value(i, 0) + "," + value(i, 1));
    }
    return lines;
  }

  private AbstractThrowableAssert<?, ? extends Throwable> corrupt(
      List<String> lines, boolean finalNewline) throws IOException {
    Path file = dir.resolve("corrupt.csv");
    Files.writeString(file, String.join("\n", lines) + (finalNewline ? "\n" : ""));
    return assertError(() -> open(file, Map.of()))
        .satisfies(e -> assertThat(((InputException) e).file()).hasValue(file));
  }

  private static AbstractThrowableAssert<?, ? extends Throwable> assertError(Runnable r) {
    return assertThatThrownBy(r::run).isInstanceOf(InputException.class);
  }

  private static void location(Throwable e, String location) {
    assertThat(((InputException) e).location()).hasValue(location);
  }

  @Test
  void theValidTableLoads() throws IOException {
    Path file = dir.resolve("valid.csv");
    Files.writeString(file, String.join("\n", validTable()) + "\n");
    assertThat(open(file, Map.of()).entries()).hasSize(15_625);
  }

  @Test
  void wrongHeader() throws IOException {
    List<String> t = validTable();
    t.set(0, "idx,arch,cifar10_valid,cifar10_test");
    corrupt(t, true).hasMessageContaining("the header must be 'index,arch,'")
        .satisfies(e -> location(e, "line 1"));
  }

  @Test
  void unknownAndDuplicateColumns() throws IOException {
    List<String> t = validTable();
    t.set(0, "index,arch,cifar10_valid,Test Accuracy");
    corrupt(t, true).hasMessageContaining("'Test Accuracy' is not a metric column")
        .satisfies(e -> location(e, "line 1, column 4"));
    t.set(0, "index,arch,cifar10_valid,cifar10_valid");
    corrupt(t, true).hasMessageContaining("column 'cifar10_valid' appears twice");
  }

  @Test
  void missingRequiredMetricColumn() throws IOException {
    List<String> t = validTable();
    t.replaceAll(l -> l.substring(0, l.lastIndexOf(',')));
    t.set(0, "index,arch,cifar10_valid");
    corrupt(t, true).hasMessageContaining("metric 'cifar10_test' is not in this benchmark")
        .hasMessageContaining("available metrics: cifar10_valid")
        .satisfies(e -> location(e, "key ground-truth.nasbench201.report-metric"));
  }

  @Test
  void nonNumericValue() throws IOException {
    List<String> t = validTable();
    t.set(101, t.get(101).replaceFirst(",[^,]*$", ",n/a"));
    corrupt(t, true).hasMessageContaining("'n/a' is not a number")
        .satisfies(e -> location(e, "line 102, column cifar10_test"));
    t = validTable();
    t.set(9, t.get(9).replaceFirst(",[^,]*$", ",100.5"));
    corrupt(t, true).hasMessageContaining("100.5 is not an accuracy in percent")
        .satisfies(e -> location(e, "line 10, column cifar10_test"));
  }

  @Test
  void architectureThatDoesNotMatchItsIndex() throws IOException {
    List<String> t = validTable();
    String label = space.architecture(5).label(); // line 7 is index 5
    t.set(6, t.get(6).replace(label, space.architecture(7).label()));
    corrupt(t, true)
        .hasMessageContaining("has benchmark index 7, but the row says index 5")
        .satisfies(e -> location(e, "line 7, column arch"));
    t = validTable();
    t.set(3000, t.get(3000).replaceFirst("~0\\|", "~9|"));
    corrupt(t, true).hasMessageContaining("invalid NAS-Bench-201 architecture string")
        .satisfies(e -> location(e, "line 3001, column arch"));
  }

  @Test
  void duplicateIndex() throws IOException {
    List<String> t = validTable();
    t.set(501, t.get(500));
    corrupt(t, true).hasMessageContaining("index 499 appears twice (first at line 501)")
        .satisfies(e -> location(e, "line 502, column index"));
  }

  @Test
  void missingIndex() throws IOException {
    List<String> t = validTable();
    t.remove(43); // index 42
    corrupt(t, true)
        .hasMessageContaining("the table ends after 15624 rows")
        .hasMessageContaining("missing indices: 42")
        .satisfies(e -> location(e, "line 15626"));
  }

  @Test
  void truncatedFile() throws IOException {
    List<String> t = new ArrayList<>(validTable().subList(0, 10_001));
    corrupt(t, true).hasMessageContaining("the table ends after 10000 rows")
        .hasMessageContaining("missing indices: 10000, 10001")
        .satisfies(e -> location(e, "line 10002"));
    // cut in the middle of the last row, inside the architecture string
    String last = t.get(10_000);
    t.set(10_000, last.substring(0, 40));
    corrupt(t, false).hasMessageContaining("has 2 fields, but the header has 4")
        .hasMessageContaining("truncated?")
        .satisfies(e -> location(e, "line 10001"));
  }

  @Test
  void emptyLineAndEmptyFile() throws IOException {
    List<String> t = validTable();
    t.add(200, "");
    corrupt(t, true).hasMessageContaining("empty line").satisfies(e -> location(e, "line 201"));
    corrupt(List.of(), false).hasMessageContaining("the file is empty");
  }

  @Test
  void missingDataSaysWhatToDownloadAndWhere() {
    assertError(() -> open(null, Map.of()))
        .hasMessageContaining("NATS-tss-v1_0-3ffb9-simple")
        .hasMessageContaining("meta.pickle.pbz2")
        .hasMessageContaining("EVALNAS_NB201")
        .satisfies(e -> location(e, "key ground-truth.nasbench201.data"));
    assertError(() -> open(dir.resolve("nowhere.csv"), Map.of()))
        .hasMessageContaining("does not exist")
        .hasMessageContaining("EVALNAS_NB201");
  }

  @Test
  void badNatsEpochs() throws IOException {
    Path file = dir.resolve("valid.csv");
    Files.writeString(file, String.join("\n", validTable()));
    assertError(() -> open(file, Map.of("nats-epochs", 100)))
        .hasMessageContaining("12 and 200 training epochs, not 100");
  }
}
