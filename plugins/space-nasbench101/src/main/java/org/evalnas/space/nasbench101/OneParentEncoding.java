package org.evalnas.space.nasbench101;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.evalnas.api.space.Decision;
import org.evalnas.space.nasbench101.spec.CellOp;
import org.evalnas.space.nasbench101.spec.CellSpec;

/**
 * The reduced encoding of the seed paper's weight-sharing samplers (Yu et al., ICLR 2020: ENAS,
 * NAO and DARTS on NAS-Bench-101): every interior vertex {@code j} takes exactly one input, one
 * of the earlier vertices ({@code parent-j}, options {@code 0 .. j-1}, 0 being the input), and
 * an operation ({@code op-j}); the output concatenates every interior vertex that feeds no
 * other. Decisions per vertex in order: {@code parent-1, op-1, parent-2, op-2, ...}.
 *
 * <p>All interior vertices lie on an input-output path, so a vector is never disconnected; it
 * is invalid only with more than 9 edges (for V = 7, every vertex a child of the input). It
 * reaches a strict subset of the cells - the trees - so the space in this encoding is that
 * subset (see the plugin's README for the exact counts).
 */
final class OneParentEncoding implements CellEncoding {
  static final String NAME = "one-parent";

  private final int vertices;
  private final List<Decision> decisions;

  OneParentEncoding(int vertices) {
    this.vertices = vertices;
    List<String> ops = CellOp.INTERIOR.stream().map(CellOp::officialName).toList();
    List<Decision> list = new ArrayList<>();
    for (int v = 1; v < vertices - 1; v++) {
      List<String> parents = new ArrayList<>();
      for (int u = 0; u < v; u++) {
        parents.add(Integer.toString(u));
      }
      list.add(new Decision("parent-" + v, parents));
      list.add(new Decision("op-" + v, ops));
    }
    this.decisions = List.copyOf(list);
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<Decision> decisions() {
    return decisions;
  }

  @Override
  public CellSpec cell(int[] choices) {
    CellEncoding.checkRanges(decisions, choices);
    int out = vertices - 1;
    int[] rows = new int[vertices];
    List<CellOp> ops = new ArrayList<>(vertices);
    ops.add(CellOp.INPUT);
    for (int v = 1; v < out; v++) {
      rows[choices[2 * (v - 1)]] |= 1 << v;
      ops.add(CellOp.interior(choices[2 * (v - 1) + 1]));
    }
    ops.add(CellOp.OUTPUT);
    if (vertices == 2) {
      rows[0] = 1 << out;
    }
    for (int v = 1; v < out; v++) {
      if (rows[v] == 0) {
        rows[v] = 1 << out;
      }
    }
    return CellSpec.ofRows(rows, ops);
  }

  @Override
  public Optional<int[]> encode(CellSpec pruned) {
    if (pruned.vertices() != vertices) {
      return Optional.empty();
    }
    int[] choices = new int[decisions.size()];
    for (int v = 1; v < vertices - 1; v++) {
      int parent = -1;
      for (int u = 0; u < v; u++) {
        if (pruned.edge(u, v)) {
          if (parent >= 0) {
            return Optional.empty();
          }
          parent = u;
        }
      }
      boolean leaf = (pruned.row(v) & ~(1 << (vertices - 1))) == 0;
      if (parent < 0 || pruned.edge(v, vertices - 1) != leaf) {
        return Optional.empty();
      }
      choices[2 * (v - 1)] = parent;
      choices[2 * (v - 1) + 1] = CellOp.byOfficialName(pruned.ops().get(v)).orElseThrow().hashLabel();
    }
    if (pruned.edge(0, vertices - 1) != (vertices == 2)) {
      return Optional.empty();
    }
    return Optional.of(choices);
  }
}
