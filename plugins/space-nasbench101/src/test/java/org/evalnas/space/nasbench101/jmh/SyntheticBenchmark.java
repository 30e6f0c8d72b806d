package org.evalnas.space.nasbench101.jmh;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.SplittableRandom;
import org.evalnas.space.nasbench101.enumerate.CellCatalog;
import org.evalnas.space.nasbench101.spec.CellSpec;
import org.evalnas.space.nasbench101.tfrecord.BenchmarkCache;
import org.evalnas.space.nasbench101.tfrecord.TfRecordFixture;

/**
 * A full-scale synthetic benchmark file in the official format, shared by {@link
 * QueryBenchmark} and {@link LoadFootprint}: every one of the 423,624 unique cells with {@value
 * #REPEATS} runs at 108 epochs (1,270,872 records, as many as {@code nasbench_only108.tfrecord}),
 * synthetic metrics. It is kept between runs (about 680 MB, plus the 83 MB cache the first open
 * writes beside it) at {@code -Dnb101.bench.file}, by default {@value #DEFAULT_FILE}; delete both
 * to start over.
 */
public final class SyntheticBenchmark {
  /** Where the file is kept unless {@code -Dnb101.bench.file} says otherwise. */
  public static final String DEFAULT_FILE = "/tmp/nb101-bench/nb101-only108-synthetic.tfrecord";
  /** Runs per cell, as in the official file. */
  public static final int REPEATS = 3;

  private SyntheticBenchmark() {}

  /** The file's path. */
  public static Path file() {
    return Path.of(System.getProperty("nb101.bench.file", DEFAULT_FILE));
  }

  /**
   * Writes the file unless it exists (atomically: a temporary file renamed, so an interrupted
   * write is never taken for the file), printing the time; returns whether it wrote it.
   */
  public static boolean ensureFile(Path file, CellCatalog catalog) {
    if (Files.isRegularFile(file)) {
      return false;
    }
    try {
      Path dir = file.toAbsolutePath().getParent();
      Files.createDirectories(dir);
      Path temp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp");
      long t0 = System.nanoTime();
      SplittableRandom random = new SplittableRandom(101);
      try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(temp), 1 << 20)) {
        for (int repeat = 0; repeat < REPEATS; repeat++) {
          // repeat-major like a file of three training passes; the reader does not care
          for (int i = 0; i < catalog.size(); i++) {
            CellSpec spec = catalog.spec(i);
            double valid = 0.80 + 0.15 * random.nextDouble();
            TfRecordFixture f = new TfRecordFixture();
            f.run(catalog.hash(i), 108, spec.matrix(), String.join(",", spec.ops()),
                200_000 + (i * 37) % 40_000_000, 1000 + 3000 * random.nextDouble(),
                0.99 + 0.01 * random.nextDouble(), valid, valid - 0.01 * random.nextDouble());
            out.write(f.bytes());
          }
        }
      } catch (IOException | RuntimeException e) {
        Files.deleteIfExists(temp);
        throw e;
      }
      Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
      // the cache beside it, if any, is of an older file: BenchmarkCache would ignore it anyway
      Files.deleteIfExists(BenchmarkCache.cacheOf(file));
      System.out.printf("# wrote %s: %,d records, %,d bytes in %.1f s%n", file,
          (long) catalog.size() * REPEATS, Files.size(file), (System.nanoTime() - t0) / 1e9);
      return true;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Whether a cache beside the file is as recent as the file (it will likely be mapped). */
  public static boolean hasCache(Path file) {
    Path cache = BenchmarkCache.cacheOf(file);
    try {
      return Files.isRegularFile(cache)
          && Files.getLastModifiedTime(cache).compareTo(Files.getLastModifiedTime(file)) >= 0;
    } catch (IOException e) {
      return false;
    }
  }

  /**
   * Makes sure the cache exists: when it does not, opens the file once through {@link
   * BenchmarkCache#open} (reads all records and writes the cache), printing the time.
   */
  public static void ensureCache(Path file, CellCatalog catalog) {
    if (hasCache(file)) {
      return;
    }
    long t0 = System.nanoTime();
    BenchmarkCache.open(file, catalog);
    System.out.printf("# first open of %s (read %,d records, write the cache): %.1f s%n", file,
        (long) catalog.size() * REPEATS, (System.nanoTime() - t0) / 1e9);
  }
}
