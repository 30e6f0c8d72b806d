package org.evalnas.space.nasbench201.network;

import ai.djl.ndarray.NDArray;
import java.util.List;
import org.evalnas.space.nasbench201.Nb201Cell;

/**
 * What every cell of a NAS-Bench-201 supernet runs: one cell (a single path) or the weighted
 * mixture of all operations on every edge. Shared by the supernet's cells, which all run the
 * same cell as the standalone network's do.
 */
final class ActivePath {
  private Nb201Cell cell;
  private List<NDArray> weights;

  void single(Nb201Cell cell) {
    this.cell = cell;
    this.weights = null;
  }

  void mixture(List<NDArray> weights) {
    this.cell = null;
    this.weights = List.copyOf(weights);
  }

  /** The single path's cell, or null while a mixture is active. */
  Nb201Cell cell() {
    return cell;
  }

  /** The mixture's weights, one vector per edge over the operations' ordinals, or null. */
  List<NDArray> weights() {
    return weights;
  }

  /** Whether nothing was activated yet. */
  boolean none() {
    return cell == null && weights == null;
  }
}
