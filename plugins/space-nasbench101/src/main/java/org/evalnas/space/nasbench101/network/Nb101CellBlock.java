package org.evalnas.space.nasbench101.network;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import org.evalnas.space.nasbench101.spec.CellOp;
import org.evalnas.space.nasbench101.spec.CellSpec;

/** One NAS-Bench-101 cell of a pruned cell spec with its own layers (see {@link CellGraph}). */
final class Nb101CellBlock extends AbstractBlock {
  private static final byte VERSION = 1;

  private final CellSpec cell;
  private final int[] channels;
  private final CellOp[] ops;
  /** Per vertex: the projection of the cell input into it, or null. */
  private final Block[] projections;
  /** Per interior vertex: its convolution, or null for max pooling. */
  private final Block[] convolutions;

  Nb101CellBlock(CellSpec cell, int inputChannels, int outputChannels) {
    super(VERSION);
    this.cell = cell;
    int n = cell.vertices();
    this.channels = VertexChannels.compute(inputChannels, outputChannels, cell);
    this.ops = CellGraph.operations(cell);
    this.projections = new Block[n];
    this.convolutions = new Block[n];
    for (int v = 1; v < n; v++) {
      if (v < n - 1) {
        if (cell.edge(0, v)) {
          projections[v] = addChildBlock("projection" + v, Layers.convBnRelu(1, channels[v]));
        }
        if (ops[v] == CellOp.CONV3X3) {
          convolutions[v] = addChildBlock("vertex" + v, Layers.convBnRelu(3, channels[v]));
        } else if (ops[v] == CellOp.CONV1X1) {
          convolutions[v] = addChildBlock("vertex" + v, Layers.convBnRelu(1, channels[v]));
        }
      } else if (cell.edge(0, v)) {
        projections[v] = addChildBlock("projection" + v, Layers.convBnRelu(1, channels[v]));
      }
    }
  }

  /** The channels of each vertex. */
  int[] vertexChannels() {
    return channels.clone();
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
    CellGraph.VertexLayers layers =
        new CellGraph.VertexLayers() {
          @Override
          public NDArray project(int v, NDArray input, int width) {
            return projections[v].forward(store, new NDList(input), training).singletonOrThrow();
          }

          @Override
          public NDArray convolve(int v, CellOp op, NDArray x, int width) {
            return convolutions[v].forward(store, new NDList(x), training).singletonOrThrow();
          }
        };
    return new NDList(CellGraph.forward(cell, channels, ops, inputs.singletonOrThrow(), layers));
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    Shape in = inputShapes[0];
    return new Shape[] {new Shape(in.get(0), channels[cell.vertices() - 1], in.get(2), in.get(3))};
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
    Shape in = inputShapes[0];
    for (int v = 1; v < cell.vertices(); v++) {
      if (projections[v] != null) {
        projections[v].initialize(manager, dataType, in);
      }
      if (convolutions[v] != null) {
        convolutions[v].initialize(
            manager, dataType, new Shape(in.get(0), channels[v], in.get(2), in.get(3)));
      }
    }
  }
}
