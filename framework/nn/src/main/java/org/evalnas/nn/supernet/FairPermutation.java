package org.evalnas.nn.supernet;

import java.util.random.RandomGenerator;

/**
 * The building block of strictly fair paths ({@link SupernetSpace#strictlyFairPaths}): one
 * uniformly random order of a decision's options per step, path {@code k} taking the {@code
 * k}-th, so that every option is used exactly once.
 */
public final class FairPermutation {
  private FairPermutation() {}

  /** A uniformly random permutation of {@code 0..n-1} (Fisher-Yates, {@code n - 1} draws). */
  public static int[] of(int n, RandomGenerator random) {
    int[] p = new int[n];
    for (int i = 0; i < n; i++) {
      p[i] = i;
    }
    for (int i = n - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = p[i];
      p[i] = p[j];
      p[j] = t;
    }
    return p;
  }
}
