package org.evalnas.space.nasbench101.tfrecord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.evalnas.api.InputException;
import org.evalnas.space.nasbench101.SharedData;
import org.evalnas.space.nasbench101.enumerate.CellCatalog;
import org.evalnas.space.nasbench101.enumerate.CellEnumerator;
import org.evalnas.space.nasbench101.spec.CellJson;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reads benchmark files the test writes itself, sound and damaged. */
class BenchmarkTableTest {
  private static CellCatalog catalog;
  /** Two real cells of the benchmark (hash, matrix, ops) from the NASLib sample. */
  private static JsonNode first;
  private static JsonNode second;

  @TempDir Path dir;

  @BeforeAll
  static void setUp() throws IOException {
    catalog = CellEnumerator.enumerate(7);
    ObjectMapper json = new ObjectMapper();
    List<String> lines = Files.readAllLines(SharedData.naslib500());
    first = json.readTree(lines.get(0));
    second = json.readTree(lines.get(1));
  }

  private static TfRecordFixture run(TfRecordFixture f, JsonNode cell, int epochs, int repeat)
      throws IOException {
    return f.run(cell.get("hash").asText(), epochs, CellJson.matrix(cell.get("matrix")),
        String.join(",", CellJson.ops(cell.get("ops"))), 4_095_778, 1000 + repeat,
        0.99, 0.90 + repeat / 100.0, 0.89 + repeat / 100.0);
  }

  /** Three runs of the first cell at 108 epochs, one of the second at 108 and one at 12. */
  private Path sound() throws IOException {
    TfRecordFixture f = new TfRecordFixture();
    for (int r = 0; r < 3; r++) {
      run(f, first, 108, r);
    }
    run(f, second, 108, 0);
    run(f, second, 12, 0);
    Path file = dir.resolve("bench.tfrecord");
    Files.write(file, f.bytes());
    return file;
  }

  @Test
  void readsEveryRunAndAnswersLikeTheOfficialQuery() throws IOException {
    BenchmarkTable table = BenchmarkTable.read(sound(), catalog);
    assertThat(table.cellsCovered()).isEqualTo(2);
    assertThat(table.hasBudget(108)).isTrue();
    assertThat(table.hasBudget(12)).isTrue();
    assertThat(table.hasBudget(36)).isFalse();
    assertThat(table.largestBudget()).isEqualTo(108);
    int cell = catalog.indexOf(first.get("hash").asText()).orElseThrow();
    assertThat(table.runs(cell, 108)).isEqualTo(3);
    assertThat(table.run(cell, 108, 2, false))
        .isEqualTo(new BenchmarkQuery(4_095_778, 1002, 0.99, 0.92, 0.91));
    assertThat(table.run(cell, 108, 2, true))
        .isEqualTo(new BenchmarkQuery(4_095_778, 501, 0.495, 0.46, 0.455));
    assertThat(table.mean(cell, 108).validationAccuracy()).isCloseTo(0.91, within(1e-12));

    SplittableRandom random = new SplittableRandom(1);
    double[] seen = new double[3];
    for (int i = 0; i < 60; i++) {
      BenchmarkQuery q = table.query(first.get("hash").asText(), 108, false, random);
      seen[(int) Math.round(q.trainingTime()) - 1000]++;
    }
    assertThat(Arrays.stream(seen).min().orElseThrow()).as("every repeat drawn").isGreaterThan(5);
    table.query(first.get("hash").asText(), 108, true, random);
    assertThat(table.epochsSpent()).isEqualTo(60 * 108 + 54);
    assertThat(table.trainingTimeSpent()).isGreaterThan(60 * 1000);
    table.resetBudgetCounters();
    assertThat(table.epochsSpent()).isZero();
    assertThatThrownBy(() -> table.query(first.get("hash").asText(), 36, false, random))
        .hasMessageContaining("invalid number of epochs");
  }

  @Test
  void theCacheIsWrittenOnceAndMappedLater() throws IOException {
    Path file = sound();
    Path cache = BenchmarkCache.cacheOf(file);
    BenchmarkTable read = BenchmarkCache.open(file, catalog);
    assertThat(cache).exists();
    long size = Files.size(file);
    long modified = Files.getLastModifiedTime(file).toMillis();
    BenchmarkTable mapped = BenchmarkCache.map(cache, file, catalog, size, modified);
    assertThat(mapped).isNotNull();
    assertThat(mapped.cellsCovered()).isEqualTo(2);
    assertThat(mapped.hasBudget(12)).isTrue();
    assertThat(mapped.hasBudget(36)).isFalse();
    for (JsonNode cell : List.of(first, second)) {
      int c = catalog.indexOf(cell.get("hash").asText()).orElseThrow();
      for (int epochs : new int[] {12, 108}) {
        assertThat(mapped.runs(c, epochs)).isEqualTo(read.runs(c, epochs));
        for (int r = 0; r < read.runs(c, epochs); r++) {
          assertThat(mapped.run(c, epochs, r, true)).isEqualTo(read.run(c, epochs, r, true));
          assertThat(mapped.run(c, epochs, r, false)).isEqualTo(read.run(c, epochs, r, false));
        }
      }
    }
    // another version of the file (a different size or time) does not use the cache
    assertThat(BenchmarkCache.map(cache, file, catalog, size + 1, modified)).isNull();
    assertThat(BenchmarkCache.open(file, catalog).runs(
        catalog.indexOf(first.get("hash").asText()).orElseThrow(), 108)).isEqualTo(3);
    // a damaged cache is converted again from the file beside it
    byte[] bytes = Files.readAllBytes(cache);
    Files.write(cache, Arrays.copyOf(bytes, bytes.length - 8));
    assertThat(BenchmarkCache.open(file, catalog).cellsCovered()).isEqualTo(2);
    assertThat(Files.readAllBytes(cache)).isEqualTo(bytes);
  }

  @Test
  void aCacheOpensOnItsOwnAndSaysWhenItIsDamagedOrNotACache() throws IOException {
    Path file = sound();
    BenchmarkTable read = BenchmarkCache.open(file, catalog);
    Path alone = Files.createDirectories(dir.resolve("alone")).resolve("nb.tfrecord" + BenchmarkCache.SUFFIX);
    Files.copy(BenchmarkCache.cacheOf(file), alone);
    BenchmarkTable mapped = BenchmarkCache.openCache(alone, catalog);
    int c = catalog.indexOf(first.get("hash").asText()).orElseThrow();
    assertThat(mapped.runs(c, 108)).isEqualTo(read.runs(c, 108));
    assertThat(mapped.run(c, 108, 1, true)).isEqualTo(read.run(c, 108, 1, true));

    byte[] bytes = Files.readAllBytes(alone);
    Files.write(alone, Arrays.copyOf(bytes, bytes.length - 8));
    assertThatThrownBy(() -> BenchmarkCache.openCache(alone, catalog))
        .isInstanceOf(InputException.class)
        .satisfies(e -> assertThat(((InputException) e).describe()).startsWith(alone.toString()))
        .hasMessageContaining("truncated or damaged (" + (bytes.length - 8) + " bytes, expected " + bytes.length);
    Files.writeString(alone, "not a cache at all, but long enough to hold a header of one.....");
    assertThatThrownBy(() -> BenchmarkCache.openCache(alone, catalog))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("is not an evalnas NAS-Bench-101 cache");
  }

  @Test
  void aBadLengthCrcNamesTheRecordsOffset() throws IOException {
    byte[] bytes = Files.readAllBytes(sound());
    long second = secondRecordOffset(bytes);
    bytes[(int) second + 9] ^= 1; // inside the length's CRC
    assertCorrupt(bytes, "byte offset " + second, "bad CRC of the record length");
  }

  @Test
  void aBadDataCrcNamesTheRecordsOffset() throws IOException {
    byte[] bytes = Files.readAllBytes(sound());
    long second = secondRecordOffset(bytes);
    bytes[(int) second + 20] ^= 1; // inside the data
    assertCorrupt(bytes, "byte offset " + second, "bad CRC of the record data");
  }

  @Test
  void aTruncatedFileNamesTheLastRecordsOffset() throws IOException {
    byte[] bytes = Files.readAllBytes(sound());
    long second = secondRecordOffset(bytes);
    assertCorrupt(Arrays.copyOf(bytes, (int) second + 30), "byte offset " + second,
        "truncated record data");
    assertCorrupt(Arrays.copyOf(bytes, (int) second + 5), "byte offset " + second,
        "truncated record header");
  }

  @Test
  void aHashThatIsNotTheRecordsCellIsRefused() throws IOException {
    TfRecordFixture f = new TfRecordFixture();
    f.run(first.get("hash").asText(), 108, CellJson.matrix(second.get("matrix")),
        String.join(",", CellJson.ops(second.get("ops"))), 1, 1, 0.9, 0.9, 0.9);
    Path file = dir.resolve("swapped.tfrecord");
    Files.write(file, f.bytes());
    assertThatThrownBy(() -> BenchmarkTable.read(file, catalog))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("is not the hash of the record's cell")
        .satisfies(e -> assertThat(((InputException) e).location()).contains("byte offset 0"));
  }

  @Test
  void decodesModelMetricsSkippingUnknownFields() throws IOException {
    ModelMetrics m = ModelMetrics.decode(TfRecordFixture.metrics(7, 10, 0.8, 0.6, 0.4));
    assertThat(m.trainableParameters()).isEqualTo(7);
    assertThat(m.totalTime()).isEqualTo(110);
    assertThat(m.evaluations()).hasSize(3);
    assertThat(m.evaluations().get(2)).isEqualTo(
        new ModelMetrics.EvaluationData(108, 10, 0.8, 0.6, 0.4, "/ckpt/model.ckpt-1"));
  }

  private void assertCorrupt(byte[] bytes, String location, String message) throws IOException {
    Path file = dir.resolve("damaged.tfrecord");
    Files.write(file, bytes);
    assertThatThrownBy(() -> BenchmarkTable.read(file, catalog))
        .isInstanceOf(InputException.class)
        .hasMessageContaining(message)
        .satisfies(e -> assertThat(((InputException) e).location()).contains(location));
  }

  /** The offset of the second record: 8 + 4 + length + 4 after the first. */
  private static long secondRecordOffset(byte[] bytes) {
    long len = 0;
    for (int i = 7; i >= 0; i--) {
      len = len << 8 | (bytes[i] & 0xff);
    }
    return 16 + len;
  }

  private static org.assertj.core.data.Offset<Double> within(double d) {
    return org.assertj.core.data.Offset.offset(d);
  }
}
