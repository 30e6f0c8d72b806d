package org.evalnas.space.nasbench201.network;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import org.evalnas.nn.supernet.ActivePath;
import org.evalnas.nn.supernet.BatchNormMode;
import org.evalnas.space.nasbench201.Nb201Cell;
import org.evalnas.space.nasbench201.Nb201Operation;

/**
 * One cell of a NAS-Bench-201 supernet: every edge holds every operation, the two convolutions
 * with their own ReLU-conv-BN weights per edge ({@code edge<e>-nor_conv_1x1}, {@code
 * edge<e>-nor_conv_3x3}). A single path runs its cell's operation on each edge, with {@link
 * Nb201CellBlock}'s data flow; a mixture gives each edge the weighted sum of all its
 * operations (DARTS).
 */
final class Nb201SupernetCell extends AbstractBlock {
  private static final byte VERSION = 1;

  private final ActivePath<Nb201Cell> active;
  /** By edge and operation ordinal; null where the operation has no weights. */
  private final Block[][] convolutions = new Block[Nb201Cell.EDGES][Nb201Operation.count()];

  Nb201SupernetCell(int channels, ActivePath<Nb201Cell> active, BatchNormMode mode) {
    super(VERSION);
    this.active = active;
    for (int e = 0; e < Nb201Cell.EDGES; e++) {
      for (Nb201Operation op : Nb201Operation.values()) {
        if (CellGraph.isConvolution(op)) {
          int k = CellGraph.kernel(op);
          convolutions[e][op.ordinal()] =
              addChildBlock(
                  childName(e, op), Layers.reluConvBn(k, 1, k / 2, channels, Layers.supernetNorms(mode)));
        }
      }
    }
  }

  /** The name of the layers of a convolution on an edge. */
  static String childName(int edge, Nb201Operation op) {
    return "edge" + edge + "-" + op.officialName();
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
    Nb201Cell cell = active.path();
    NDArray input = inputs.singletonOrThrow();
    CellGraph.Edges edges =
        cell != null
            ? (e, from) -> operation(store, e, cell.operation(e), from, training)
            : (e, from) -> mixture(store, e, active.weights().get(e), from, training);
    return new NDList(CellGraph.forward(input, edges));
  }

  private NDArray operation(ParameterStore store, int edge, Nb201Operation op, NDArray x, boolean training) {
    return CellGraph.operation(
        op,
        x,
        y -> convolutions[edge][op.ordinal()].forward(store, new NDList(y), training).singletonOrThrow());
  }

  /**
   * The sum over operations of {@code weights[op] * op(x)}. The zero operation is left out: it
   * adds nothing, and the gradient of its weight, that of a product with zeros, is zero either
   * way.
   */
  private NDArray mixture(ParameterStore store, int edge, NDArray weights, NDArray x, boolean training) {
    NDArray sum = null;
    for (Nb201Operation op : Nb201Operation.values()) {
      NDArray y = operation(store, edge, op, x, training);
      if (y != null) {
        y = y.mul(weights.get(op.ordinal()));
        sum = sum == null ? y : sum.add(y);
      }
    }
    return sum;
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return new Shape[] {inputShapes[0]};
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
    for (Block[] edge : convolutions) {
      for (Block b : edge) {
        if (b != null) {
          b.initialize(manager, dataType, inputShapes[0]);
        }
      }
    }
  }
}
