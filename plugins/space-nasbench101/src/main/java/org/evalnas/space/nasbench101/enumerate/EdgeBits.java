package org.evalnas.space.nasbench101.enumerate;

/**
 * The official generator's bit layout of an upper-triangular matrix ({@code
 * graph_util.gen_is_edge_fn}): the edge {@code x -> y} ({@code x < y}) is bit {@code x + y(y-1)/2},
 * i.e. the upper triangle filled column by column. The layout does not depend on the number of
 * vertices, so a cell's bits read the same in any larger matrix.
 */
public final class EdgeBits {
  private EdgeBits() {}

  /** The bit of the edge {@code from -> to}, {@code from < to}. */
  public static int bit(int from, int to) {
    return from + to * (to - 1) / 2;
  }

  /** The number of upper-triangular positions of a {@code vertices}-vertex matrix. */
  public static int positions(int vertices) {
    return vertices * (vertices - 1) / 2;
  }

  /** Row masks ({@code rows[v]} bit {@code w} = edge {@code v -> w}) of a bit mask. */
  public static int[] rows(int vertices, int bits) {
    int[] rows = new int[vertices];
    for (int to = 1; to < vertices; to++) {
      for (int from = 0; from < to; from++) {
        if ((bits >>> bit(from, to) & 1) != 0) {
          rows[from] |= 1 << to;
        }
      }
    }
    return rows;
  }

  /** The bit mask of row masks. */
  public static int bits(int[] rows) {
    int bits = 0;
    for (int from = 0; from < rows.length; from++) {
      int row = rows[from];
      while (row != 0) {
        int to = Integer.numberOfTrailingZeros(row);
        row &= row - 1;
        bits |= 1 << bit(from, to);
      }
    }
    return bits;
  }
}
