package org.evalnas.space.nasbench101.spec;

import java.util.ArrayList;
import java.util.List;

/**
 * The compact human-readable form of a cell: every vertex after the input, in order, as its
 * operation's short name, {@code <}, and the comma-separated indices of the vertices feeding it
 * (vertex 0 is the input). For example {@code c3<0 c1<0,1 mp<2 out<1,3} is the cell
 * input -> conv3x3 (1), {input, 1} -> conv1x1 (2), 2 -> maxpool (3), {1, 3} -> output (4).
 * Short names: {@code c3} conv3x3-bn-relu, {@code c1} conv1x1-bn-relu, {@code mp} maxpool3x3,
 * {@code out} output (always last, and only there).
 */
public final class CellLabel {
  private CellLabel() {}

  /**
   * The label of a cell whose operations are known (input first, output last).
   *
   * @throws IllegalArgumentException for an unknown operation
   */
  public static String format(CellSpec spec) {
    StringBuilder sb = new StringBuilder();
    int n = spec.vertices();
    for (int v = 1; v < n; v++) {
      String name = spec.ops().get(v);
      CellOp op = CellOp.byOfficialName(name)
          .orElseThrow(() -> new IllegalArgumentException("unsupported op " + name));
      if (v > 1) {
        sb.append(' ');
      }
      sb.append(op.shortName()).append('<');
      boolean first = true;
      for (int u = 0; u < v; u++) {
        if (spec.edge(u, v)) {
          if (!first) {
            sb.append(',');
          }
          sb.append(u);
          first = false;
        }
      }
    }
    return sb.toString();
  }

  /**
   * Parses a label back into the cell it describes (not pruned, not validated).
   *
   * @throws IllegalArgumentException with what is wrong when the text is not a label
   */
  public static CellSpec parse(String label) {
    String text = label.strip();
    if (text.isEmpty()) {
      throw new IllegalArgumentException("empty cell label");
    }
    String[] tokens = text.split("\\s+");
    int n = tokens.length + 1;
    if (n > CellSpec.MAX_MATRIX_VERTICES) {
      throw new IllegalArgumentException("cell label has too many vertices: " + n);
    }
    int[] rows = new int[n];
    List<CellOp> ops = new ArrayList<>(n);
    ops.add(CellOp.INPUT);
    for (int vertex = 1; vertex < n; vertex++) {
      final int v = vertex;
      String token = tokens[v - 1];
      int lt = token.indexOf('<');
      if (lt < 0) {
        throw new IllegalArgumentException(
            "vertex " + v + " '" + token + "' is not <op><<inputs>, e.g. c3<0,1");
      }
      String shortName = token.substring(0, lt);
      CellOp op = CellOp.byShortName(shortName)
          .filter(o -> o != CellOp.INPUT)
          .orElseThrow(() -> new IllegalArgumentException(
              "vertex " + v + ": unknown operation '" + shortName + "' (c3, c1, mp, out)"));
      if ((op == CellOp.OUTPUT) != (v == n - 1)) {
        throw new IllegalArgumentException(
            "vertex " + v + ": 'out' must be the last vertex, and the last vertex 'out'");
      }
      ops.add(op);
      String inputs = token.substring(lt + 1);
      if (!inputs.isEmpty()) {
        for (String part : inputs.split(",", -1)) {
          int u = parseIndex(part, v);
          if ((rows[u] >>> v & 1) != 0) {
            throw new IllegalArgumentException("vertex " + v + ": input " + u + " repeated");
          }
          rows[u] |= 1 << v;
        }
      }
    }
    return CellSpec.ofRows(rows, ops);
  }

  private static int parseIndex(String part, int v) {
    int u;
    try {
      u = Integer.parseInt(part);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("vertex " + v + ": '" + part + "' is not a vertex index");
    }
    if (u < 0 || u >= v) {
      throw new IllegalArgumentException(
          "vertex " + v + ": input " + u + " must be an earlier vertex (0.." + (v - 1) + ")");
    }
    return u;
  }
}
