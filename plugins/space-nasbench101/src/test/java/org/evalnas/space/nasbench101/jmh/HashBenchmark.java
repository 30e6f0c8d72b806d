package org.evalnas.space.nasbench101.jmh;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.evalnas.space.nasbench101.SharedData;
import org.evalnas.space.nasbench101.enumerate.CellCatalog;
import org.evalnas.space.nasbench101.enumerate.CellEnumerator;
import org.evalnas.space.nasbench101.spec.CellHasher;
import org.evalnas.space.nasbench101.spec.CellJson;
import org.evalnas.space.nasbench101.spec.CellSpec;
import org.evalnas.space.nasbench101.spec.CellValidator;
import org.evalnas.space.nasbench101.spec.CellVerdict;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Single-thread throughput of the official cell rules on the 3,000 cells of {@code
 * shared/data/nb101/spec-vectors.jsonl} (1,704 of them valid), the same cells {@code
 * bench/nb101_hash_python.py} times with the official Python logic. One operation is one spec:
 * each invocation goes through the whole array ({@link OperationsPerInvocation}), so the
 * throughput reads as specs/s and the average time as µs per spec.
 *
 * <ul>
 *   <li>{@link #pruneValidateHash}: {@code CellValidator.check} (prune + {@code is_valid}) on
 *       each spec, then {@code CellHasher.hash} of each valid one: what {@code evalnas
 *       nasbench101 hash} and the tfrecord reader do per cell.
 *   <li>{@link #hashOnly}: {@code CellHasher.hash} of the 1,704 valid pruned cells.
 *   <li>{@link #catalogPruneValidateHash}: the same as the first on {@value #SAMPLE} cells spread
 *       evenly over the 423,624 enumerated cells (cell {@code j * 423624 / 3000}), which is what
 *       a search over the space hashes: the spec vectors are mostly small cells (671 of the
 *       1,704 valid ones have 2 vertices, none 7), while 85 % of the benchmark's cells have 7
 *       vertices, and the hash costs about V&sup2; MD5s. {@code java -cp CP
 *       org.evalnas.space.nasbench101.jmh.HashBenchmark FILE} writes these cells as JSON lines
 *       ({@code hash}, {@code matrix}, {@code ops}) for the Python reference.
 * </ul>
 *
 * <p>The data is found through {@code -Devalnas.shared} (as the tests get it), else by looking
 * for {@code shared/} in the working directory's ancestors.
 */
@State(Scope.Thread)
@BenchmarkMode({Mode.Throughput, Mode.AverageTime})
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class HashBenchmark {
  /** All records of the file. */
  public static final int SPECS = 3000;
  /** The valid ones. */
  public static final int VALID = 1704;
  /** Cells of the catalog sample. */
  public static final int SAMPLE = 3000;

  private CellSpec[] specs;
  private CellSpec[] pruned;
  private final CellHasher hasher = new CellHasher();

  @Setup
  public void load() throws IOException {
    List<CellSpec> all = readSpecs(specVectors());
    specs = all.toArray(CellSpec[]::new);
    List<CellSpec> valid = new ArrayList<>();
    for (CellSpec spec : specs) {
      CellVerdict verdict = CellValidator.check(spec);
      if (verdict.valid()) {
        valid.add(verdict.pruned());
      }
    }
    pruned = valid.toArray(CellSpec[]::new);
    if (specs.length != SPECS || pruned.length != VALID) {
      throw new IllegalStateException("expected " + SPECS + " specs, " + VALID + " valid; got "
          + specs.length + ", " + pruned.length);
    }
  }

  /** Prune + validate every spec, hash the valid ones; returns a checksum against DCE. */
  @Benchmark
  @OperationsPerInvocation(SPECS)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public int pruneValidateHash() {
    int check = 0;
    for (CellSpec spec : specs) {
      CellVerdict verdict = CellValidator.check(spec);
      check += verdict.valid() ? hasher.hash(verdict.pruned()).charAt(0) : verdict.reason().length();
    }
    return check;
  }

  /** The hash alone, of the valid pruned cells. */
  @Benchmark
  @OperationsPerInvocation(VALID)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public int hashOnly() {
    int check = 0;
    for (CellSpec cell : pruned) {
      check += hasher.hash(cell).charAt(0);
    }
    return check;
  }

  /** Cells spread evenly over the enumeration, all valid and already pruned. */
  @State(Scope.Thread)
  public static class CatalogSample {
    CellSpec[] cells;

    @Setup
    public void load() {
      CellCatalog catalog = CellEnumerator.enumerate(CellEnumerator.MAX_VERTICES);
      cells = new CellSpec[SAMPLE];
      for (int j = 0; j < SAMPLE; j++) {
        cells[j] = catalog.spec(sampleIndex(j, catalog.size()));
      }
    }
  }

  /** Prune + validate + hash of the catalog sample. */
  @Benchmark
  @OperationsPerInvocation(SAMPLE)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public int catalogPruneValidateHash(CatalogSample sample) {
    int check = 0;
    for (CellSpec spec : sample.cells) {
      check += hasher.hash(CellValidator.check(spec).pruned()).charAt(0);
    }
    return check;
  }

  /** The catalog cell of sample {@code j}. */
  static int sampleIndex(int j, int size) {
    return (int) ((long) j * size / SAMPLE);
  }

  /** Writes the catalog sample as JSON lines for {@code bench/nb101_hash_python.py}. */
  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      System.err.println("usage: HashBenchmark FILE (writes the catalog sample as JSON lines)");
      System.exit(2);
    }
    CellCatalog catalog = CellEnumerator.enumerate(CellEnumerator.MAX_VERTICES);
    ObjectMapper json = new ObjectMapper();
    List<String> lines = new ArrayList<>();
    for (int j = 0; j < SAMPLE; j++) {
      int i = sampleIndex(j, catalog.size());
      CellSpec spec = catalog.spec(i);
      ObjectNode line = json.createObjectNode();
      line.put("hash", catalog.hash(i));
      line.set("matrix", CellJson.matrixNode(spec));
      line.set("ops", CellJson.opsNode(spec));
      lines.add(json.writeValueAsString(line));
    }
    Files.write(Path.of(args[0]), lines);
  }

  static List<CellSpec> readSpecs(Path file) throws IOException {
    ObjectMapper json = new ObjectMapper();
    List<CellSpec> specs = new ArrayList<>();
    for (String line : Files.readAllLines(file)) {
      JsonNode record = json.readTree(line);
      specs.add(CellSpec.of(CellJson.matrix(record.get("matrix")), CellJson.ops(record.get("ops"))));
    }
    return specs;
  }

  /** {@code spec-vectors.jsonl}, through {@link SharedData} once {@code evalnas.shared} is known. */
  static Path specVectors() {
    if (System.getProperty("evalnas.shared") == null) {
      for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
        Path shared = dir.resolve("shared");
        if (Files.isRegularFile(shared.resolve("data/nb101/spec-vectors.jsonl"))) {
          System.setProperty("evalnas.shared", shared.toString());
          break;
        }
      }
    }
    if (System.getProperty("evalnas.shared") == null) {
      throw new IllegalStateException("shared/data/nb101/spec-vectors.jsonl not found above "
          + Path.of("").toAbsolutePath() + "; pass -Devalnas.shared=<the shared directory>");
    }
    return SharedData.specVectors();
  }
}
