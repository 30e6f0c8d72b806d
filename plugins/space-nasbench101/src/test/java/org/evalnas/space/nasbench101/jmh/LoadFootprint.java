package org.evalnas.space.nasbench101.jmh;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.evalnas.space.nasbench101.enumerate.CellCatalog;
import org.evalnas.space.nasbench101.enumerate.CellEnumerator;
import org.evalnas.space.nasbench101.tfrecord.BenchmarkCache;
import org.evalnas.space.nasbench101.tfrecord.BenchmarkTable;

/**
 * The footprint of opening the full-scale benchmark in a fresh JVM (not a JMH benchmark: one
 * cold open is the point). Opens the synthetic file of {@link SyntheticBenchmark} through {@link
 * BenchmarkCache#open}, which maps its cache, forces a full GC and prints the heap used
 * ({@link MemoryMXBean}), the resident set ({@code VmRSS} of {@code /proc/self/status}) and the
 * times: the 7-vertex catalog the table is indexed by (enumerated; a run has it anyway, since
 * the space needs it) and the open itself. Then reads the mean of every cell and prints the
 * resident set again (the mapped columns are then paged in).
 *
 * <pre>
 * java -cp CP org.evalnas.space.nasbench101.jmh.LoadFootprint            # measure
 * java -cp CP org.evalnas.space.nasbench101.jmh.LoadFootprint --prepare  # write file + cache first
 * java -cp CP org.evalnas.space.nasbench101.jmh.LoadFootprint --convert  # time a first open instead
 * </pre>
 *
 * <p>Without its cache the open would convert the file instead of mapping it: the measurement
 * then refuses to run and asks for {@code --prepare} (or a {@link QueryBenchmark} run).
 */
public final class LoadFootprint {
  private LoadFootprint() {}

  /** Keeps the table reachable through the measurement. */
  private static volatile BenchmarkTable opened;

  public static void main(String[] args) throws IOException {
    double startup = ManagementFactory.getRuntimeMXBean().getUptime() / 1e3;
    Path file = SyntheticBenchmark.file();
    if (args.length > 0 && args[0].equals("--prepare")) {
      CellCatalog catalog = CellEnumerator.enumerate(CellEnumerator.MAX_VERTICES);
      SyntheticBenchmark.ensureFile(file, catalog);
      SyntheticBenchmark.ensureCache(file, catalog);
      System.out.println("prepared " + file + " and its cache; run again without --prepare");
      return;
    }
    if (args.length > 0 && args[0].equals("--convert")) {
      convert(file);
      return;
    }
    Path cache = BenchmarkCache.cacheOf(file);
    if (!Files.isRegularFile(file) || !SyntheticBenchmark.hasCache(file)) {
      System.err.println(file + " or its cache is missing: run with --prepare first");
      System.exit(2);
    }
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    System.out.printf("JVM %s, max heap %,d MB, JVM start to main %.2f s%n",
        System.getProperty("java.vm.version"), Runtime.getRuntime().maxMemory() >> 20, startup);
    report("before", memory);

    long t0 = System.nanoTime();
    CellCatalog catalog = CellEnumerator.enumerate(CellEnumerator.MAX_VERTICES);
    double enumerate = (System.nanoTime() - t0) / 1e9;
    report("catalog (" + catalog.size() + " cells), enumerated in " + fmt(enumerate), memory);

    FileTime cacheTime = Files.getLastModifiedTime(cache);
    long t1 = System.nanoTime();
    opened = BenchmarkCache.open(file, catalog);
    double open = (System.nanoTime() - t1) / 1e9;
    if (!Files.getLastModifiedTime(cache).equals(cacheTime)) {
      throw new IllegalStateException("the cache was written again: the open converted the file"
          + " instead of mapping it");
    }
    report("BenchmarkCache.open (mapped " + Files.size(cache) / 1_000_000 + " MB cache) in "
        + fmt(open), memory);

    long t2 = System.nanoTime();
    double sum = 0;
    for (int i = 0; i < catalog.size(); i++) {
      sum += opened.mean(i, 108).validationAccuracy();
    }
    double scan = (System.nanoTime() - t2) / 1e9;
    report(String.format("after the mean of every cell (%s) [%.4f]", fmt(scan),
        sum / catalog.size()), memory);
    System.out.printf("open total (catalog + open): %s; the open alone: %s%n",
        fmt(enumerate + open), fmt(open));
  }

  /**
   * The first open instead, in a fresh JVM: deletes the cache and times {@link
   * BenchmarkCache#open} reading all records and writing the cache again; then the footprint
   * of the table it returns (read into the heap).
   */
  private static void convert(Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      System.err.println(file + " is missing: run with --prepare first");
      System.exit(2);
    }
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    Files.deleteIfExists(BenchmarkCache.cacheOf(file));
    long t0 = System.nanoTime();
    CellCatalog catalog = CellEnumerator.enumerate(CellEnumerator.MAX_VERTICES);
    double enumerate = (System.nanoTime() - t0) / 1e9;
    report("catalog (" + catalog.size() + " cells), enumerated in " + fmt(enumerate), memory);
    long t1 = System.nanoTime();
    opened = BenchmarkCache.open(file, catalog);
    double open = (System.nanoTime() - t1) / 1e9;
    report(String.format("first open: read %,d records (%,d MB), write the cache, in %s",
        opened.cellsCovered() * (long) SyntheticBenchmark.REPEATS, Files.size(file) / 1_000_000,
        fmt(open)), memory);
  }

  private static void report(String what, MemoryMXBean memory) throws IOException {
    System.gc();
    memory.gc();
    long heap = memory.getHeapMemoryUsage().getUsed();
    long nonHeap = memory.getNonHeapMemoryUsage().getUsed();
    System.out.printf("%-72s heap used %6.1f MB, non-heap %5.1f MB, VmRSS %6.1f MB%n", what,
        heap / 1e6, nonHeap / 1e6, status("VmRSS") / 1e3);
  }

  /** A {@code kB} field of {@code /proc/self/status}, in kB. */
  private static long status(String field) throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
      if (line.startsWith(field + ":")) {
        return Long.parseLong(line.substring(field.length() + 1).trim().split("\\s+")[0]);
      }
    }
    return -1;
  }

  private static String fmt(double seconds) {
    return seconds < 1 ? String.format("%.1f ms", seconds * 1e3)
        : String.format("%.2f s", seconds);
  }
}
