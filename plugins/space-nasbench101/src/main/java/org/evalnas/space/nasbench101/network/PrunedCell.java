package org.evalnas.space.nasbench101.network;

import org.evalnas.space.nasbench101.spec.CellOp;
import org.evalnas.space.nasbench101.spec.CellSpec;

/**
 * A pruned cell with its vertices' operations looked up once: the single path a supernet's cells
 * run on every forward pass until another is activated.
 *
 * @param cell the pruned cell
 * @param ops its operation per vertex ({@link CellGraph#operations})
 */
record PrunedCell(CellSpec cell, CellOp[] ops) {
  static PrunedCell of(CellSpec cell) {
    return new PrunedCell(cell, CellGraph.operations(cell));
  }
}
