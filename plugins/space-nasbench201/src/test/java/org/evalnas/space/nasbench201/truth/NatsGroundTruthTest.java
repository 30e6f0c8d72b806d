package org.evalnas.space.nasbench201.truth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream;
import org.evalnas.api.InputException;
import org.evalnas.api.truth.GroundTruth;
import org.evalnas.api.truth.TruthEntry;
import org.evalnas.api.truth.TruthRecord;
import org.evalnas.space.nasbench201.Nb201Space;
import org.evalnas.space.nasbench201.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The NATS-Bench sample (meta + records 0, 11, 284). Expected numbers were read independently
 * from the same pickles with Python's bz2 and pickle modules.
 */
class NatsGroundTruthTest {
  private final Nb201Space space = Nb201Space.create();
  private final Nb201GroundTruthProvider provider = new Nb201GroundTruthProvider();

  @TempDir Path dir;

  private static Path sample() {
    return SharedData.path("data/nats-tss-sample");
  }

  private GroundTruth open(Path data, int epochs) {
    return provider.open(space, TestContext.of(data, Map.of("nats-epochs", epochs)));
  }

  private static double metric(GroundTruth truth, TruthRecord r, String name) {
    assertThat(truth.metrics()).contains(name);
    return r.metric(name).orElseThrow();
  }

  @Test
  void reads12EpochRecords() {
    GroundTruth truth = open(sample(), 12);
    assertThat(truth.metrics()).hasSize(6);
    TruthRecord r = truth.lookup(space.architecture(0)).orElseThrow();
    // cifar10-valid x-valid@11, mean of seeds 111 and 777
    assertThat(metric(truth, r, "cifar10_valid")).isCloseTo(63.36399998046875, within(1e-9));
    assertThat(metric(truth, r, "cifar10_test")).isCloseTo(69.55, within(1e-9));
    assertThat(metric(truth, r, "cifar100_valid")).isCloseTo(31.840000003051756, within(1e-9));
    assertThat(metric(truth, r, "cifar100_test")).isCloseTo(31.259999963378906, within(1e-9));
    assertThat(metric(truth, r, "imagenet16_120_valid"))
        .isCloseTo(18.466666661580405, within(1e-9));
    assertThat(metric(truth, r, "imagenet16_120_test"))
        .isCloseTo(16.999999966939292, within(1e-9));
    // 12 epochs of training on cifar10-valid plus one epoch of x-valid evaluation
    assertThat(r.trainingSeconds()).isCloseTo(89.2020952247438, within(1e-9));
    TruthRecord r284 = truth.lookup(space.architecture(284)).orElseThrow();
    assertThat(metric(truth, r284, "cifar10_valid")).isCloseTo(72.8759999975586, within(1e-9));
    assertThat(r284.trainingSeconds()).isCloseTo(60.89902593692145, within(1e-9));
  }

  @Test
  void reads200EpochRecords() {
    GroundTruth truth = open(sample(), 200);
    TruthRecord r = truth.lookup(space.architecture(11)).orElseThrow();
    assertThat(metric(truth, r, "cifar10_valid")).isCloseTo(87.9399999983724, within(1e-9));
    assertThat(metric(truth, r, "cifar10_test")).isCloseTo(91.58333333333333, within(1e-9));
    assertThat(metric(truth, r, "cifar100_test")).isCloseTo(67.6066666422526, within(1e-9));
    assertThat(metric(truth, r, "imagenet16_120_valid"))
        .isCloseTo(30.411111104329425, within(1e-9));
    TruthRecord r0 = truth.lookup(space.architecture(0)).orElseThrow();
    assertThat(r0.trainingSeconds()).isCloseTo(1446.7675790332612, within(1e-9));
  }

  @Test
  void theSampleIsAPartialTable() {
    GroundTruth truth = open(sample(), 12);
    assertThat(truth.lookup(space.architecture(1))).isEmpty();
    List<TruthEntry> entries = truth.entries();
    assertThat(entries).extracting(e -> space.index(e.architecture())).containsExactly(0, 11, 284);
    assertThat(truth.source()).isEqualTo(sample());
  }

  @Test
  void agreesWithTheCsvTables() {
    GroundTruth nats12 = open(sample(), 12);
    GroundTruth csv12 =
        provider.open(space, TestContext.of(SharedData.path("data/nb201/nb201-12epoch.csv")));
    GroundTruth nats200 = open(sample(), 200);
    GroundTruth csv200 =
        provider.open(space, TestContext.of(SharedData.path("data/nb201/nb201-200epoch-test.csv"),
            Map.of("search-metric", "cifar10_test")));
    for (int index : new int[] {0, 11, 284}) {
      var a = space.architecture(index);
      TruthRecord n = nats12.lookup(a).orElseThrow();
      csv12.lookup(a).orElseThrow().metrics().forEach((name, value) ->
          assertThat(n.metric(name).orElseThrow()).as("%s of %d", name, index)
              .isCloseTo(value, within(5.1e-5)));
      TruthRecord n200 = nats200.lookup(a).orElseThrow();
      csv200.lookup(a).orElseThrow().metrics().forEach((name, value) ->
          assertThat(n200.metric(name).orElseThrow()).as("%s of %d at 200", name, index)
              .isCloseTo(value, within(5.1e-5)));
    }
  }

  @Test
  void measuresRecordReadTime() {
    Path file = sample().resolve("000011.pickle.pbz2");
    NatsRecordReader reader = new NatsRecordReader(200, NatsMetric.CIFAR10_VALID);
    String label = space.architecture(11).label();
    for (int i = 0; i < 5; i++) {
      reader.read(file, 11, label);
    }
    int n = 20;
    long start = System.nanoTime();
    for (int i = 0; i < n; i++) {
      reader.read(file, 11, label);
    }
    double ms = (System.nanoTime() - start) / 1e6 / n;
    long metaStart = System.nanoTime();
    open(sample(), 200);
    double openMs = (System.nanoTime() - metaStart) / 1e6;
    System.out.printf("NATS record read %.1f ms each (one thread): all 15,625 ~ %.0f s on one "
        + "core, ~ %.0f s on %d; opening the directory (meta) %.1f ms%n", ms, ms * 15.625,
        ms * 15.625 / Runtime.getRuntime().availableProcessors(),
        Runtime.getRuntime().availableProcessors(), openMs);
    assertThat(ms).isLessThan(500);
  }

  // --- corrupt archives -------------------------------------------------------------------

  private Path copyOfSample() throws IOException {
    Path copy = dir.resolve("nats");
    Files.createDirectories(copy);
    try (var files = Files.list(sample())) {
      for (Path f : files.toList()) {
        Files.copy(f, copy.resolve(f.getFileName()));
      }
    }
    return copy;
  }

  private static byte[] decompressed(Path file) throws IOException {
    try (InputStream in = new BZip2CompressorInputStream(Files.newInputStream(file))) {
      return in.readAllBytes();
    }
  }

  private static void compress(byte[] data, Path file) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (OutputStream out = new BZip2CompressorOutputStream(bytes)) {
      out.write(data);
    }
    Files.write(file, bytes.toByteArray());
  }

  @Test
  void truncatedBz2NamesTheFileAndOffset() throws IOException {
    Path copy = copyOfSample();
    Path record = copy.resolve("000284.pickle.pbz2");
    byte[] all = Files.readAllBytes(record);
    Files.write(record, Arrays.copyOf(all, all.length / 2));
    GroundTruth truth = open(copy, 12);
    assertThat(truth.lookup(space.architecture(0))).isPresent(); // the others still read
    assertThatThrownBy(() -> truth.lookup(space.architecture(284)))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("is not a complete bz2 stream")
        .satisfies(e -> {
          InputException ie = (InputException) e;
          assertThat(ie.file()).hasValue(record);
          assertThat(ie.location().orElseThrow()).startsWith("byte offset ");
        });
    assertThatThrownBy(truth::entries).isInstanceOf(InputException.class);
  }

  @Test
  void notBz2AtAll() throws IOException {
    Path copy = copyOfSample();
    Path record = copy.resolve("000011.pickle.pbz2");
    Files.writeString(record, "this is not a benchmark record\n");
    assertThatThrownBy(() -> open(copy, 12).lookup(space.architecture(11)))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("is not a complete bz2 stream")
        .satisfies(e -> assertThat(((InputException) e).location()).hasValue("byte offset 0"));
  }

  @Test
  void truncatedPickleInsideValidBz2() throws IOException {
    Path copy = copyOfSample();
    Path record = copy.resolve("000000.pickle.pbz2");
    byte[] pickle = decompressed(record);
    compress(Arrays.copyOf(pickle, 100_000), record);
    assertThatThrownBy(() -> open(copy, 12).lookup(space.architecture(0)))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("is not a readable pickle")
        .satisfies(e -> assertThat(((InputException) e).location())
            .hasValue("byte offset 100000 of the decompressed pickle"));
  }

  @Test
  void recordUnderTheWrongName() throws IOException {
    Path copy = copyOfSample();
    Files.move(copy.resolve("000011.pickle.pbz2"), copy.resolve("000012.pickle.pbz2"));
    assertThatThrownBy(() -> open(copy, 12).lookup(space.architecture(12)))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("is 11, but the file name says 12")
        .satisfies(e -> assertThat(((InputException) e).location())
            .hasValue("key ['12']['arch_index']"));
  }

  @Test
  void directoryWithoutMeta() throws IOException {
    Path copy = copyOfSample();
    Files.delete(copy.resolve("meta.pickle.pbz2"));
    assertThatThrownBy(() -> open(copy, 12))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("has no meta.pickle.pbz2")
        .hasMessageContaining("NATS-tss-v1_0-3ffb9-simple");
  }

  @Test
  void metaWithAnotherOrder() throws IOException {
    Path copy = copyOfSample();
    Path meta = copy.resolve("meta.pickle.pbz2");
    // swap two architecture strings of equal length in the raw pickle: still a valid pickle
    byte[] pickle = decompressed(meta);
    String a = space.architecture(0).label();
    String b = space.architecture(2).label();
    assertThat(a).hasSameSizeAs(b);
    String text = new String(pickle, java.nio.charset.StandardCharsets.ISO_8859_1);
    int ia = text.indexOf(a);
    int ib = text.indexOf(b);
    byte[] swapped = pickle.clone();
    System.arraycopy(b.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1), 0, swapped, ia, a.length());
    System.arraycopy(a.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1), 0, swapped, ib, b.length());
    compress(swapped, meta);
    assertThatThrownBy(() -> open(copy, 12))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("expected " + a)
        .satisfies(e -> assertThat(((InputException) e).location())
            .hasValue("key ['meta_archs'][0]"));
  }

  @Test
  void singleFileArchiveIsRefusedWithAdvice() throws IOException {
    Path file = dir.resolve("NATS-tss-v1_0-3ffb9.pickle.pbz2");
    Files.writeString(file, "x");
    assertThatThrownBy(() -> open(file, 12))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("Use the \"simple\" directory instead");
  }
}
