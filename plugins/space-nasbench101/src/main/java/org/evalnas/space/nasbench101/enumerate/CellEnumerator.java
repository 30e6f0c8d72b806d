package org.evalnas.space.nasbench101.enumerate;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.evalnas.space.nasbench101.spec.CellHasher;
import org.evalnas.space.nasbench101.spec.CellValidator;

/**
 * Enumerates every unique NAS-Bench-101 cell with at most V vertices (at most 9 edges, 3
 * operations): 1, 7, 91, 2,532, 64,542 and 423,624 cells for V = 2..7.
 *
 * <p>Order and representatives are the official generator's: vertex count ascending, then edge
 * bit mask ascending ({@link EdgeBits}), then labelling ascending; each hash is represented by
 * the first cell with it in that order (see {@link MatrixSymmetry} for how the others are
 * skipped without hashing them). The hashing, the expensive part, runs in parallel on the
 * common fork-join pool, one task per bit mask, and the results are gathered in order, so the
 * output does not depend on the number of threads.
 */
public final class CellEnumerator {
  /** The largest vertex count the enumerator handles (the benchmark's). */
  public static final int MAX_VERTICES = CellValidator.MAX_VERTICES;

  private static final ThreadLocal<CellHasher> HASHERS = ThreadLocal.withInitial(CellHasher::new);

  private CellEnumerator() {}

  /**
   * Every unique cell with 2..{@code maxVertices} vertices.
   *
   * @throws IllegalArgumentException unless 2 <= maxVertices <= 7
   */
  public static CellCatalog enumerate(int maxVertices) {
    if (maxVertices < 2 || maxVertices > MAX_VERTICES) {
      throw new IllegalArgumentException(
          "max vertices must be 2.." + MAX_VERTICES + ", not " + maxVertices);
    }
    List<MatrixSymmetry> matrices = new ArrayList<>();
    for (int v = 2; v <= maxVertices; v++) {
      matrices.addAll(firstMatrices(v));
    }
    List<LabelledCells> parts = IntStream.range(0, matrices.size())
        .parallel()
        .mapToObj(i -> label(matrices.get(i)))
        .toList();
    int total = 0;
    for (LabelledCells part : parts) {
      total += part.count;
    }
    byte[] vertices = new byte[total];
    int[] bits = new int[total];
    short[] labellings = new short[total];
    long[] high = new long[total];
    long[] low = new long[total];
    int at = 0;
    for (LabelledCells part : parts) {
      for (int k = 0; k < part.count; k++, at++) {
        vertices[at] = (byte) part.matrix.vertices();
        bits[at] = part.matrix.bits();
        labellings[at] = part.labellings[k];
        high[at] = part.high[k];
        low[at] = part.low[k];
      }
    }
    return new CellCatalog(vertices, bits, labellings, high, low);
  }

  /** The bit masks of v vertices that are full DAGs with <= 9 edges and first in their class. */
  private static List<MatrixSymmetry> firstMatrices(int v) {
    List<MatrixSymmetry> out = new ArrayList<>();
    int positions = EdgeBits.positions(v);
    int allButInput = (1 << v) - 2;
    int[] rows = new int[v];
    for (int bits = 0; bits < 1 << positions; bits++) {
      if (Integer.bitCount(bits) > CellValidator.MAX_EDGES) {
        continue;
      }
      fillRows(v, bits, rows);
      if (isFullDag(v, rows, allButInput)) {
        MatrixSymmetry symmetry = MatrixSymmetry.ofFirstInClass(v, bits);
        if (symmetry != null) {
          out.add(symmetry);
        }
      }
    }
    return out;
  }

  /**
   * Every vertex on an input-output path ({@code graph_util.is_full_dag}): each vertex but the
   * output has an out-edge, each but the input an in-edge.
   */
  private static boolean isFullDag(int v, int[] rows, int allButInput) {
    int targets = 0;
    for (int i = 0; i < v - 1; i++) {
      if (rows[i] == 0) {
        return false;
      }
      targets |= rows[i];
    }
    return targets == allButInput;
  }

  private static void fillRows(int v, int bits, int[] rows) {
    for (int i = 0; i < v; i++) {
      rows[i] = 0;
    }
    int rest = bits;
    // walk the set bits; bit b is edge (x, y) with b = x + y(y-1)/2
    int y = 1;
    int base = 0;
    while (rest != 0) {
      int b = Integer.numberOfTrailingZeros(rest);
      rest &= rest - 1;
      while (b >= base + y) {
        base += y;
        y++;
      }
      rows[b - base] |= 1 << y;
    }
  }

  /** Hashes the first labellings of one bit mask. */
  private static LabelledCells label(MatrixSymmetry matrix) {
    int v = matrix.vertices();
    int n = v - 2;
    int labellingCount = 1;
    for (int i = 0; i < n; i++) {
      labellingCount *= 3;
    }
    int[] rows = EdgeBits.rows(v, matrix.bits());
    int[] labels = new int[v];
    labels[0] = -1;
    labels[v - 1] = -2;
    int[] scratch = new int[v];
    long[] digest = new long[2];
    CellHasher hasher = HASHERS.get();
    LabelledCells out = new LabelledCells(matrix, labellingCount);
    for (int labelling = 0; labelling < labellingCount; labelling++) {
      int rest = labelling;
      for (int vertex = n; vertex >= 1; vertex--) {
        labels[vertex] = rest % 3;
        rest /= 3;
      }
      if (!matrix.isFirstLabelling(labels, scratch)) {
        continue;
      }
      hasher.hash(v, rows, labels, digest);
      out.add((short) labelling, digest[0], digest[1]);
    }
    return out;
  }

  /** The kept labellings of one bit mask with their hashes. */
  private static final class LabelledCells {
    final MatrixSymmetry matrix;
    final short[] labellings;
    final long[] high;
    final long[] low;
    int count;

    LabelledCells(MatrixSymmetry matrix, int capacity) {
      this.matrix = matrix;
      this.labellings = new short[capacity];
      this.high = new long[capacity];
      this.low = new long[capacity];
    }

    void add(short labelling, long hashHigh, long hashLow) {
      labellings[count] = labelling;
      high[count] = hashHigh;
      low[count] = hashLow;
      count++;
    }
  }
}
