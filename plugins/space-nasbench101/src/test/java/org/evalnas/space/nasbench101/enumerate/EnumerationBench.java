package org.evalnas.space.nasbench101.enumerate;

import java.util.Arrays;
import org.evalnas.space.nasbench101.spec.CellHasher;
import org.evalnas.space.nasbench101.spec.CellSpec;
import org.evalnas.space.nasbench101.spec.CellValidator;

/**
 * Measures the enumeration (V <= 6, V <= 7) and the single-thread hash throughput; the numbers
 * in the plugin's README come from it. Not a test: run it by hand (see the README), on an
 * otherwise idle machine.
 */
public final class EnumerationBench {
  private EnumerationBench() {}

  public static void main(String[] args) {
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
    System.out.printf("threads: %d (common pool parallelism %d)%n",
        Runtime.getRuntime().availableProcessors(),
        java.util.concurrent.ForkJoinPool.commonPool().getParallelism());
    CellCatalog catalog = null;
    for (int v : new int[] {6, 7}) {
      double[] seconds = new double[runs + 1];
      for (int r = 0; r <= runs; r++) {
        long t0 = System.nanoTime();
        catalog = CellEnumerator.enumerate(v);
        seconds[r] = (System.nanoTime() - t0) / 1e9;
      }
      System.out.printf("enumerate V<=%d: %d cells, first (cold) %.2f s, then best %.2f s,"
          + " median %.2f s%n", v, catalog.size(), seconds[0], min(seconds), median(seconds));
    }
    CellSpec[] specs = new CellSpec[catalog.size()];
    for (int i = 0; i < specs.length; i++) {
      specs[i] = catalog.spec(i);
    }
    CellHasher hasher = new CellHasher();
    for (int r = 0; r < runs; r++) {
      long t0 = System.nanoTime();
      int check = 0;
      for (CellSpec spec : specs) {
        check += hasher.hash(CellValidator.check(spec).pruned()).charAt(0);
      }
      double s = (System.nanoTime() - t0) / 1e9;
      System.out.printf("prune+check+hash, 1 thread: %d specs in %.2f s = %.0f specs/s"
          + " (%.1f us/spec) [%d]%n", specs.length, s, specs.length / s, s * 1e6 / specs.length,
          check % 10);
    }
  }

  private static double min(double[] xs) {
    return Arrays.stream(xs, 1, xs.length).min().orElseThrow();
  }

  private static double median(double[] xs) {
    double[] warm = Arrays.copyOfRange(xs, 1, xs.length);
    Arrays.sort(warm);
    return warm[warm.length / 2];
  }
}
