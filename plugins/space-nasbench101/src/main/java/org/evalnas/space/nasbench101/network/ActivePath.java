package org.evalnas.space.nasbench101.network;

import ai.djl.ndarray.NDArray;
import java.util.List;
import org.evalnas.space.nasbench101.spec.CellOp;
import org.evalnas.space.nasbench101.spec.CellSpec;

/**
 * What every cell of a NAS-Bench-101 supernet runs: one pruned cell (a single path), or the
 * weighted mixture of all cells of the complete DAG. Shared by the supernet's cells.
 */
final class ActivePath {
  private CellSpec cell;
  private CellOp[] ops;
  private List<NDArray> weights;

  void single(CellSpec pruned) {
    this.cell = pruned;
    this.ops = new CellOp[pruned.vertices()];
    for (int v = 1; v < pruned.vertices() - 1; v++) {
      ops[v] = CellOp.byOfficialName(pruned.ops().get(v)).orElseThrow();
    }
    this.weights = null;
  }

  void mixture(List<NDArray> weights) {
    this.cell = null;
    this.ops = null;
    this.weights = List.copyOf(weights);
  }

  /** The single path's pruned cell, or null while a mixture is active. */
  CellSpec cell() {
    return cell;
  }

  /** The single path's operation per vertex (null at input and output). */
  CellOp[] ops() {
    return ops;
  }

  /** The mixture's weights by decision of the edge encoding, or null. */
  List<NDArray> weights() {
    return weights;
  }

  /** Whether nothing was activated yet. */
  boolean none() {
    return cell == null && weights == null;
  }
}
