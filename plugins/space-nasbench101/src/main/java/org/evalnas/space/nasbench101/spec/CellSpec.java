package org.evalnas.space.nasbench101.spec;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A cell as given: an upper-triangular 0/1 adjacency matrix and one operation name per vertex,
 * like the official {@code ModelSpec}. The operation names are kept as given (an unknown one
 * makes the cell invalid, not malformed: see {@link CellValidator}).
 *
 * <p>Edges are kept as one bit mask per vertex ({@code rows[i]} bit {@code j} = edge {@code
 * i -> j}), so a cell has at most {@value #MAX_MATRIX_VERTICES} vertices. Immutable.
 */
public final class CellSpec {
  /** The largest matrix this class represents (one {@code int} bit mask per row). */
  public static final int MAX_MATRIX_VERTICES = 32;

  private final int[] rows;
  private final List<String> ops;

  private CellSpec(int[] rows, List<String> ops) {
    this.rows = rows;
    this.ops = ops;
  }

  /**
   * A cell from a matrix and its operations.
   *
   * @throws IllegalArgumentException when {@code ModelSpec} would refuse it: the matrix is not
   *     square, its size differs from the number of operations, or it is not upper triangular;
   *     also for entries other than 0 and 1, and for an empty or oversized matrix
   */
  public static CellSpec of(int[][] matrix, List<String> ops) {
    Objects.requireNonNull(matrix, "matrix");
    Objects.requireNonNull(ops, "ops");
    int n = matrix.length;
    if (n == 0) {
      throw new IllegalArgumentException("matrix is empty");
    }
    if (n > MAX_MATRIX_VERTICES) {
      throw new IllegalArgumentException(
          "matrix has " + n + " vertices; at most " + MAX_MATRIX_VERTICES + " are supported");
    }
    for (int[] row : matrix) {
      if (row == null || row.length != n) {
        throw new IllegalArgumentException("matrix must be square");
      }
    }
    if (ops.size() != n) {
      throw new IllegalArgumentException("length of ops must match matrix dimensions");
    }
    int[] rows = new int[n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        int entry = matrix[i][j];
        if (entry != 0 && entry != 1) {
          throw new IllegalArgumentException(
              "matrix entries must be 0 or 1, found " + entry + " at [" + i + "][" + j + "]");
        }
        if (entry == 1) {
          if (j <= i) {
            throw new IllegalArgumentException("matrix must be upper triangular");
          }
          rows[i] |= 1 << j;
        }
      }
    }
    for (String op : ops) {
      Objects.requireNonNull(op, "ops contains null");
    }
    return new CellSpec(rows, List.copyOf(ops));
  }

  /**
   * A cell from row bit masks (bit {@code j} of {@code rows[i]} is the edge {@code i -> j}) and
   * operations; the masks must describe an upper-triangular matrix.
   */
  public static CellSpec ofRows(int[] rows, List<CellOp> ops) {
    int n = rows.length;
    if (n == 0 || n > MAX_MATRIX_VERTICES || ops.size() != n) {
      throw new IllegalArgumentException("need 1.." + MAX_MATRIX_VERTICES + " rows and as many ops");
    }
    for (int i = 0; i < n; i++) {
      // bits 0..i (at or below the diagonal) and bits >= n are not allowed
      int allowed = (n == 32 ? -1 : (1 << n) - 1) & ~((2 << i) - 1);
      if ((rows[i] & ~allowed) != 0) {
        throw new IllegalArgumentException("row " + i + " is not upper triangular in " + n);
      }
    }
    List<String> names = new ArrayList<>(n);
    for (CellOp op : ops) {
      names.add(op.officialName());
    }
    return new CellSpec(rows.clone(), List.copyOf(names));
  }

  /** The number of vertices, input and output included. */
  public int vertices() {
    return rows.length;
  }

  /** Whether there is an edge {@code from -> to}. */
  public boolean edge(int from, int to) {
    return (rows[from] >>> to & 1) != 0;
  }

  /** The out-edges of vertex {@code v} as a bit mask over the target vertices. */
  public int row(int v) {
    return rows[v];
  }

  /** The number of edges. */
  public int edgeCount() {
    int count = 0;
    for (int row : rows) {
      count += Integer.bitCount(row);
    }
    return count;
  }

  /** The operation names, as given. */
  public List<String> ops() {
    return ops;
  }

  /** The adjacency matrix, a fresh copy. */
  public int[][] matrix() {
    int n = rows.length;
    int[][] matrix = new int[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        matrix[i][j] = rows[i] >>> j & 1;
      }
    }
    return matrix;
  }

  /**
   * The cell without the vertices that lie on no path from the input (vertex 0) to the output
   * (the last vertex), the remaining vertices keeping their order; empty when the input does
   * not reach the output ({@code ModelSpec._prune}, whose spec is then not valid).
   */
  public Optional<CellSpec> prune() {
    int n = rows.length;
    int fromInput = 1;
    // upper triangular: one pass in vertex order reaches every descendant
    for (int v = 0; v < n; v++) {
      if ((fromInput >>> v & 1) != 0) {
        fromInput |= rows[v];
      }
    }
    int toOutput = 1 << (n - 1);
    for (int v = n - 1; v >= 0; v--) {
      if ((rows[v] & toOutput) != 0) {
        toOutput |= 1 << v;
      }
    }
    int keep = fromInput & toOutput;
    if (n < 2 || (keep >>> (n - 1) & 1) == 0 || (keep & 1) == 0) {
      return Optional.empty();
    }
    if (Integer.bitCount(keep) == n) {
      return Optional.of(this);
    }
    int kept = Integer.bitCount(keep);
    int[] newIndex = new int[n];
    int next = 0;
    for (int v = 0; v < n; v++) {
      newIndex[v] = (keep >>> v & 1) != 0 ? next++ : -1;
    }
    int[] prunedRows = new int[kept];
    List<String> prunedOps = new ArrayList<>(kept);
    for (int v = 0; v < n; v++) {
      if (newIndex[v] < 0) {
        continue;
      }
      int row = rows[v] & keep;
      int mapped = 0;
      while (row != 0) {
        int target = Integer.numberOfTrailingZeros(row);
        row &= row - 1;
        mapped |= 1 << newIndex[target];
      }
      prunedRows[newIndex[v]] = mapped;
      prunedOps.add(ops.get(v));
    }
    return Optional.of(new CellSpec(prunedRows, List.copyOf(prunedOps)));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CellSpec other && Arrays.equals(rows, other.rows) && ops.equals(other.ops);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(rows) + ops.hashCode();
  }

  @Override
  public String toString() {
    return "CellSpec" + Arrays.deepToString(matrix()) + ops;
  }
}
