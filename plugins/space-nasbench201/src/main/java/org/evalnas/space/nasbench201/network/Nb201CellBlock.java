package org.evalnas.space.nasbench201.network;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.nn.pooling.Pool;
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
  private static final int[] EDGE_TO = {1, 2, 2, 3, 3, 3};
  private static final int[] EDGE_FROM = {0, 0, 1, 0, 1, 2};

  private final Nb201Cell cell;
  private final Block[] convolutions = new Block[Nb201Cell.EDGES];

  Nb201CellBlock(Nb201Cell cell, int channels) {
    super(VERSION);
    this.cell = cell;
    for (int e = 0; e < Nb201Cell.EDGES; e++) {
      Nb201Operation op = cell.operation(e);
      if (op == Nb201Operation.NOR_CONV_3X3) {
        convolutions[e] = addChildBlock("edge" + e, Layers.reluConvBn(3, 1, 1, channels));
      } else if (op == Nb201Operation.NOR_CONV_1X1) {
        convolutions[e] = addChildBlock("edge" + e, Layers.reluConvBn(1, 1, 0, channels));
      }
    }
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
    NDArray[] nodes = new NDArray[4];
    nodes[0] = inputs.singletonOrThrow();
    for (int e = 0; e < Nb201Cell.EDGES; e++) {
      NDArray from = nodes[EDGE_FROM[e]];
      NDArray term =
          switch (cell.operation(e)) {
            case NONE -> null;
            case SKIP_CONNECT -> from;
            case AVG_POOL_3X3 ->
                Pool.avgPool2d(from, new Shape(3, 3), new Shape(1, 1), new Shape(1, 1), false, false);
            case NOR_CONV_1X1, NOR_CONV_3X3 ->
                convolutions[e].forward(store, new NDList(from), training).singletonOrThrow();
          };
      int to = EDGE_TO[e];
      if (term != null) {
        nodes[to] = nodes[to] == null ? term : nodes[to].add(term);
      }
      // the last edge into a node: a node without any term is zero
      if ((e + 1 == Nb201Cell.EDGES || EDGE_TO[e + 1] != to) && nodes[to] == null) {
        nodes[to] = nodes[0].zerosLike();
      }
    }
    return new NDList(nodes[3]);
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
