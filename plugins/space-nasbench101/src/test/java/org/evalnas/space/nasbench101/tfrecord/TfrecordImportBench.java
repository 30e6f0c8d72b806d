package org.evalnas.space.nasbench101.tfrecord;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.evalnas.space.nasbench101.enumerate.CellCatalog;
import org.evalnas.space.nasbench101.enumerate.CellEnumerator;
import org.evalnas.space.nasbench101.spec.CellSpec;

/**
 * Measures reading a benchmark file in the official format: writes one run of every unique
 * cell (423,624 records, about a third of nasbench_only108) with synthetic metrics to the
 * given file, opens it through {@link BenchmarkCache} (first open converts, later ones map),
 * reads it with {@link BenchmarkTable}, reports the times and deletes both files. Not
 * a test: run it by hand (see the README).
 */
public final class TfrecordImportBench {
  private TfrecordImportBench() {}

  public static void main(String[] args) throws IOException {
    Path file = Path.of(args.length > 0 ? args[0] : "/tmp/nb101-import-bench.tfrecord");
    CellCatalog catalog = CellEnumerator.enumerate(7);
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
      for (int i = 0; i < catalog.size(); i++) {
        CellSpec spec = catalog.spec(i);
        TfRecordFixture f = new TfRecordFixture();
        f.run(catalog.hash(i), 108, spec.matrix(), String.join(",", spec.ops()), 1_000_000 + i,
            1500, 1.0, 0.9, 0.89);
        out.write(f.bytes());
      }
    }
    try {
      System.out.printf("file: %,d records, %,d bytes%n", catalog.size(), Files.size(file));
      long t1 = System.nanoTime();
      BenchmarkCache.open(file, catalog);
      System.out.printf("first open (read + write cache, %,d bytes): %.2f s%n",
          Files.size(BenchmarkCache.cacheOf(file)), (System.nanoTime() - t1) / 1e9);
      for (int r = 0; r < 3; r++) {
        long t2 = System.nanoTime();
        BenchmarkTable mapped = BenchmarkCache.open(file, catalog);
        double s = (System.nanoTime() - t2) / 1e9;
        double sum = 0;
        for (int i = 0; i < catalog.size(); i++) {
          sum += mapped.mean(i, 108).validationAccuracy();
        }
        System.out.printf("later open (mapped cache): %.3f s; mean of all cells: %.3f s [%.2f]%n",
            s, (System.nanoTime() - t2) / 1e9 - s, sum / catalog.size());
      }
      for (int r = 0; r < 2; r++) {
        long t0 = System.nanoTime();
        BenchmarkTable table = BenchmarkTable.read(file, catalog);
        double s = (System.nanoTime() - t0) / 1e9;
        System.out.printf("read: %,d cells in %.2f s = %.1f us/record%n",
            table.cellsCovered(), s, s * 1e6 / catalog.size());
      }
    } finally {
      Files.deleteIfExists(file);
      Files.deleteIfExists(BenchmarkCache.cacheOf(file));
    }
  }
}
