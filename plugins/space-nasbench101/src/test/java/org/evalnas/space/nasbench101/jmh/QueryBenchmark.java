package org.evalnas.space.nasbench101.jmh;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.evalnas.api.space.Architecture;
import org.evalnas.api.truth.GroundTruth;
import org.evalnas.api.truth.TruthRecord;
import org.evalnas.space.nasbench101.Nb101Space;
import org.evalnas.space.nasbench101.TestContext;
import org.evalnas.space.nasbench101.enumerate.CellCatalog;
import org.evalnas.space.nasbench101.tfrecord.BenchmarkCache;
import org.evalnas.space.nasbench101.tfrecord.BenchmarkQuery;
import org.evalnas.space.nasbench101.tfrecord.BenchmarkTable;
import org.evalnas.space.nasbench101.truth.Nb101GroundTruthProvider;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Latency of ground-truth queries by official hash on a full-scale table: the synthetic file of
 * {@link SyntheticBenchmark} (all 423,624 cells x 3 runs at 108 epochs), opened through {@link
 * BenchmarkCache#open}, i.e. memory-mapped from its cache (the trial's setup writes the file and
 * the cache when they are missing: about a minute, once). Each operation looks up the next of
 * 65,536 uniformly drawn existing cells (seeded), so the lookups touch the whole table.
 *
 * <ul>
 *   <li>{@link #indexOf}: official hash (32 hex digits) to the catalog's cell: the by-hash
 *       step every lookup below starts with ({@code CellCatalog.indexOf}: parse, binary search).
 *   <li>{@link #meanByHash}: {@code indexOf}, then the mean of the cell's 3 runs from the mapped
 *       columns ({@code BenchmarkTable.mean}): what {@code TableTruth.lookup} computes.
 *   <li>{@link #officialQuery}: {@code BenchmarkTable.query(hash, 108, false, random)}, the
 *       official {@code NASBench.query} (one random run, budget counters).
 *   <li>{@link #truthLookup}: {@code GroundTruth.lookup(architecture)} of the ground truth
 *       the plugin's provider opens on that file ({@code TableTruth}): the above plus the
 *       {@code TruthRecord} of five metrics.
 * </ul>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class QueryBenchmark {
  private static final int KEYS = 1 << 16;

  private CellCatalog catalog;
  private BenchmarkTable table;
  private GroundTruth truth;
  private String[] hashes;
  private Architecture[] architectures;
  private final SplittableRandom random = new SplittableRandom(7);
  private int next;

  @Setup(Level.Trial)
  public void open() {
    Path file = SyntheticBenchmark.file();
    Nb101Space space = Nb101Space.withEdges(7);
    catalog = space.catalog();
    SyntheticBenchmark.ensureFile(file, catalog);
    // the first open reads the file and writes the cache (returning the table it read); the
    // table measured is a later open's, mapped from the cache, as every run after the first
    SyntheticBenchmark.ensureCache(file, catalog);
    long t0 = System.nanoTime();
    table = BenchmarkCache.open(file, catalog);
    System.out.printf("# open (map the cache): %.1f ms%n", (System.nanoTime() - t0) / 1e6);
    truth = new Nb101GroundTruthProvider().open(space,
        TestContext.of("ground-truth.nasbench101", Map.of("data", file.toString())));
    hashes = new String[KEYS];
    architectures = new Architecture[KEYS];
    SplittableRandom draw = new SplittableRandom(42);
    for (int k = 0; k < KEYS; k++) {
      int cell = draw.nextInt(catalog.size());
      hashes[k] = catalog.hash(cell);
      architectures[k] = space.byHash(hashes[k]).orElseThrow();
    }
    if (truth.lookup(architectures[0]).isEmpty()) {
      throw new IllegalStateException("the ground truth lacks an enumerated cell");
    }
  }

  private int key() {
    int k = next;
    next = (k + 1) & (KEYS - 1);
    return k;
  }

  @Benchmark
  public OptionalInt indexOf() {
    return catalog.indexOf(hashes[key()]);
  }

  @Benchmark
  public BenchmarkQuery meanByHash() {
    return table.mean(catalog.indexOf(hashes[key()]).getAsInt(), 108);
  }

  @Benchmark
  public BenchmarkQuery officialQuery() {
    return table.query(hashes[key()], 108, false, random);
  }

  @Benchmark
  public Optional<TruthRecord> truthLookup() {
    return truth.lookup(architectures[key()]);
  }
}
