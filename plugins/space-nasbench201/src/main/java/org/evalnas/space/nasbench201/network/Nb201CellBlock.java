package org.evalnas.space.nasbench201.network;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import org.evalnas.space.nasbench201.Nb201Cell;
import org.evalnas.space.nasbench201.Nb201Operation;

/**
 * One NAS-Bench-201 cell ({@code InferCell}, stride 1, as many channels in as out): node
 * {@code j} is the sum of its incoming edges' operations on earlier nodes; the cell's output is
 * node 3. {@code none} edges add nothing (a node with only those is zero), {@code skip_connect}
 * is the identity, the convolutions are ReLU-conv-BN, the pooling a 3x3 average without the
 * padding counted.
 */
final class Nb201CellBlock extends AbstractBlock {
  private static final byte VERSION = 1;

  private final Nb201Cell cell;
  private final Block[] convolutions = new Block[Nb201Cell.EDGES];

  Nb201CellBlock(Nb201Cell cell, int channels) {
    super(VERSION);
    this.cell = cell;
    for (int e = 0; e < Nb201Cell.EDGES; e++) {
      Nb201Operation op = cell.operation(e);
      if (CellGraph.isConvolution(op)) {
        int k = CellGraph.kernel(op);
        convolutions[e] =
            addChildBlock("edge" + e, Layers.reluConvBn(k, 1, k / 2, channels, Layers.standaloneNorms()));
      }
    }
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
    return new NDList(
        CellGraph.forward(
            inputs.singletonOrThrow(),
            (e, from) ->
                CellGraph.operation(
                    cell.operation(e),
                    from,
                    x -> convolutions[e].forward(store, new NDList(x), training).singletonOrThrow())));
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return new Shape[] {inputShapes[0]};
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
    for (Block b : convolutions) {
      if (b != null) {
        b.initialize(manager, dataType, inputShapes[0]);
      }
    }
  }
}
