package org.evalnas.space.nasbench101.enumerate;

import java.util.ArrayList;
import java.util.List;

/**
 * Decides, without hashing, whether a labelled cell is the first of its isomorphism class in
 * the official generator's order (bit mask ascending, then labelling ascending).
 *
 * <p>An isomorphism between two generated cells fixes the input and the output (their labels
 * are unique) and permutes the interior vertices; it keeps the vertex count and the edge count,
 * so both cells are generated, with the same vertex count. A bit mask is therefore first in its
 * class only when no interior permutation maps it to a smaller upper-triangular mask. For such
 * a mask, the permutations that map it onto itself (its automorphisms) relate the labellings
 * that give isomorphic cells; a labelling is first when none of the automorphisms makes it
 * smaller. So exactly one cell per class passes, and it is the one the official generator
 * keeps.
 */
final class MatrixSymmetry {
  /** Interior permutations per vertex count: {@code PERMUTATIONS[v]} maps vertex to vertex. */
  private static final int[][][] PERMUTATIONS = permutationsUpTo(CellEnumerator.MAX_VERTICES);

  private final int vertices;
  private final int bits;
  private final List<int[]> automorphisms;

  private MatrixSymmetry(int vertices, int bits, List<int[]> automorphisms) {
    this.vertices = vertices;
    this.bits = bits;
    this.automorphisms = automorphisms;
  }

  /**
   * The symmetry of a mask that is first in its class, or {@code null} when an interior
   * permutation maps it to a smaller upper-triangular mask.
   */
  static MatrixSymmetry ofFirstInClass(int vertices, int bits) {
    int edges = Integer.bitCount(bits);
    int[] from = new int[edges];
    int[] to = new int[edges];
    int e = 0;
    for (int y = 1; y < vertices; y++) {
      for (int x = 0; x < y; x++) {
        if ((bits >>> EdgeBits.bit(x, y) & 1) != 0) {
          from[e] = x;
          to[e] = y;
          e++;
        }
      }
    }
    List<int[]> automorphisms = new ArrayList<>();
    for (int[] p : PERMUTATIONS[vertices]) {
      int image = 0;
      boolean upper = true;
      for (int k = 0; k < edges && upper; k++) {
        int x = p[from[k]];
        int y = p[to[k]];
        upper = x < y;
        image |= 1 << EdgeBits.bit(x, y);
      }
      if (!upper) {
        continue;
      }
      if (image < bits) {
        return null;
      }
      if (image == bits && !isIdentity(p)) {
        automorphisms.add(p);
      }
    }
    return new MatrixSymmetry(vertices, bits, List.copyOf(automorphisms));
  }

  int vertices() {
    return vertices;
  }

  int bits() {
    return bits;
  }

  /**
   * Whether a labelling is the smallest of its orbit under the automorphisms. {@code digits[v]}
   * is the interior label of vertex {@code v} (indices 1..V-2 used); the labelling's rank reads
   * vertex 1 as the most significant base-3 digit, like {@code itertools.product}.
   */
  boolean isFirstLabelling(int[] digits, int[] scratch) {
    for (int[] p : automorphisms) {
      for (int v = 1; v < vertices - 1; v++) {
        scratch[p[v]] = digits[v];
      }
      // compare lexicographically from vertex 1: the first difference decides
      for (int v = 1; v < vertices - 1; v++) {
        if (scratch[v] != digits[v]) {
          if (scratch[v] < digits[v]) {
            return false;
          }
          break;
        }
      }
    }
    return true;
  }

  private static boolean isIdentity(int[] p) {
    for (int v = 0; v < p.length; v++) {
      if (p[v] != v) {
        return false;
      }
    }
    return true;
  }

  private static int[][][] permutationsUpTo(int maxVertices) {
    int[][][] all = new int[maxVertices + 1][][];
    for (int v = 2; v <= maxVertices; v++) {
      List<int[]> perms = new ArrayList<>();
      int[] p = new int[v];
      for (int i = 0; i < v; i++) {
        p[i] = i;
      }
      permute(p, 1, v - 1, perms);
      all[v] = perms.toArray(new int[0][]);
    }
    return all;
  }

  /** All orders of p[start..end), p[0] and p[end..] fixed. */
  private static void permute(int[] p, int start, int end, List<int[]> out) {
    if (start >= end) {
      out.add(p.clone());
      return;
    }
    for (int i = start; i < end; i++) {
      swap(p, start, i);
      permute(p, start + 1, end, out);
      swap(p, start, i);
    }
  }

  private static void swap(int[] p, int i, int j) {
    int t = p[i];
    p[i] = p[j];
    p[j] = t;
  }
}
