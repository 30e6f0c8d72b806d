package org.evalnas.space.nasbench101.enumerate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;
import org.evalnas.space.nasbench101.spec.CellHasher;
import org.evalnas.space.nasbench101.spec.CellOp;
import org.evalnas.space.nasbench101.spec.CellSpec;

/**
 * Unique cells with their official hashes, one representative per hash, in a fixed order, kept
 * compactly (about 30 bytes a cell: 423,624 cells take about 13 MB): per cell the vertex count,
 * the edge bit mask ({@link EdgeBits}), the labelling (interior operations as base-3 digits,
 * vertex 1 most significant) and the 128-bit hash. Immutable.
 */
public final class CellCatalog {
  private final byte[] vertices;
  private final int[] bits;
  private final short[] labellings;
  private final long[] hashHigh;
  private final long[] hashLow;
  /**
   * Open addressing by the hash's high word (uniform: MD5), cell + 1 per slot, 0 free; at most
   * half full, so a lookup is one or two probes instead of a 19-step binary search.
   */
  private final int[] slots;

  CellCatalog(byte[] vertices, int[] bits, short[] labellings, long[] hashHigh, long[] hashLow) {
    this.vertices = vertices;
    this.bits = bits;
    this.labellings = labellings;
    this.hashHigh = hashHigh;
    this.hashLow = hashLow;
    Integer[] order = new Integer[vertices.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> compareHash(hashHigh[a], hashLow[a], hashHigh[b], hashLow[b]));
    for (int i = 0; i < order.length; i++) {
      if (i > 0 && compareHash(hashHigh[order[i - 1]], hashLow[order[i - 1]],
          hashHigh[order[i]], hashLow[order[i]]) == 0) {
        // the official hash has no collisions in this domain; two cells with one hash would
        // mean the enumeration kept two members of one class
        throw new IllegalStateException("two cells share the hash " + hash(order[i]));
      }
    }
    this.slots = new int[Integer.highestOneBit(Math.max(1, order.length) * 2) * 2];
    int mask = slots.length - 1;
    for (int cell = 0; cell < vertices.length; cell++) {
      int at = (int) hashHigh[cell] & mask;
      while (slots[at] != 0) {
        at = (at + 1) & mask;
      }
      slots[at] = cell + 1;
    }
  }

  /** The number of cells. */
  public int size() {
    return vertices.length;
  }

  /** The vertex count of cell {@code i}. */
  public int vertices(int i) {
    return vertices[i];
  }

  /** The edge bit mask of cell {@code i} ({@link EdgeBits}). */
  public int bits(int i) {
    return bits[i];
  }

  /** The labelling of cell {@code i}: its rank among the labellings of its vertex count. */
  public int labelling(int i) {
    return labellings[i];
  }

  /** The interior operation labels of cell {@code i}, vertex 1 first. */
  public int[] interiorLabels(int i) {
    int n = vertices[i] - 2;
    int[] labels = new int[n];
    int rest = labellings[i];
    for (int v = n - 1; v >= 0; v--) {
      labels[v] = rest % 3;
      rest /= 3;
    }
    return labels;
  }

  /** Cell {@code i} as a spec (already pruned and valid). */
  public CellSpec spec(int i) {
    int n = vertices[i];
    List<CellOp> ops = new ArrayList<>(n);
    ops.add(CellOp.INPUT);
    for (int label : interiorLabels(i)) {
      ops.add(CellOp.interior(label));
    }
    ops.add(CellOp.OUTPUT);
    return CellSpec.ofRows(EdgeBits.rows(n, bits[i]), ops);
  }

  /** The official hash of cell {@code i}, 32 hex digits. */
  public String hash(int i) {
    return CellHasher.hex(hashHigh[i], hashLow[i]);
  }

  /** The index of the cell with this official hash, if the catalog has it. */
  public OptionalInt indexOf(String hash) {
    if (hash.length() != 32) {
      return OptionalInt.empty();
    }
    long high = 0;
    long low = 0;
    for (int k = 0; k < 32; k++) {
      int digit = Character.digit(hash.charAt(k), 16);
      if (digit < 0) {
        return OptionalInt.empty();
      }
      if (k < 16) {
        high = high << 4 | digit;
      } else {
        low = low << 4 | digit;
      }
    }
    int mask = slots.length - 1;
    for (int at = (int) high & mask; slots[at] != 0; at = (at + 1) & mask) {
      int cell = slots[at] - 1;
      if (hashHigh[cell] == high && hashLow[cell] == low) {
        return OptionalInt.of(cell);
      }
    }
    return OptionalInt.empty();
  }

  private static int compareHash(long aHigh, long aLow, long bHigh, long bLow) {
    int c = Long.compareUnsigned(aHigh, bHigh);
    return c != 0 ? c : Long.compareUnsigned(aLow, bLow);
  }
}
