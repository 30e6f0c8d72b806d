package org.evalnas.space.nasbench101.spec;

import java.util.List;

/**
 * The official domain check of NAS-Bench-101 ({@code ModelSpec} pruning followed by {@code
 * NASBench.is_valid}): the pruned cell has at most {@value #MAX_VERTICES} vertices and {@value
 * #MAX_EDGES} edges, starts with {@code input}, ends with {@code output} and uses only the three
 * interior operations in between. The checks run in the official order, so the first failing
 * one gives the reason.
 */
public final class CellValidator {
  /** The most vertices a benchmark cell has, input and output included. */
  public static final int MAX_VERTICES = 7;
  /** The most edges a benchmark cell has. */
  public static final int MAX_EDGES = 9;

  /** The reason for a cell whose input does not reach its output. */
  public static final String DISCONNECTED = "input not connected to output";
  /** The reason for a cell with too many vertices after pruning. */
  public static final String TOO_MANY_VERTICES = "more than " + MAX_VERTICES + " vertices";
  /** The reason for a cell with too many edges after pruning. */
  public static final String TOO_MANY_EDGES = "more than " + MAX_EDGES + " edges";

  private CellValidator() {}

  /** Prunes and checks a cell. */
  public static CellVerdict check(CellSpec spec) {
    CellSpec pruned = spec.prune().orElse(null);
    if (pruned == null) {
      return new CellVerdict(spec, null, DISCONNECTED);
    }
    return new CellVerdict(spec, pruned, domainViolation(pruned));
  }

  /** Why a pruned cell is outside the benchmark's domain, or {@code null} when it is inside. */
  private static String domainViolation(CellSpec pruned) {
    if (pruned.vertices() > MAX_VERTICES) {
      return TOO_MANY_VERTICES;
    }
    if (pruned.edgeCount() > MAX_EDGES) {
      return TOO_MANY_EDGES;
    }
    List<String> ops = pruned.ops();
    if (!ops.get(0).equals(CellOp.INPUT.officialName())) {
      return "first operation should be 'input'";
    }
    if (!ops.get(ops.size() - 1).equals(CellOp.OUTPUT.officialName())) {
      return "last operation should be 'output'";
    }
    for (String op : ops.subList(1, ops.size() - 1)) {
      if (CellOp.byOfficialName(op).filter(CellOp.INTERIOR::contains).isEmpty()) {
        return "unsupported op " + op + " (available ops = conv3x3-bn-relu, conv1x1-bn-relu, "
            + "maxpool3x3)";
      }
    }
    return null;
  }

  /**
   * The hash labels of a valid pruned cell's vertices (input -1, output -2, interior 0..2).
   *
   * @throws IllegalArgumentException when the cell's operations are not valid
   */
  public static int[] hashLabels(CellSpec pruned) {
    List<String> ops = pruned.ops();
    int[] labels = new int[ops.size()];
    for (int v = 0; v < labels.length; v++) {
      String name = ops.get(v);
      labels[v] = CellOp.byOfficialName(name)
          .orElseThrow(() -> new IllegalArgumentException("unsupported op " + name))
          .hashLabel();
    }
    return labels;
  }
}
