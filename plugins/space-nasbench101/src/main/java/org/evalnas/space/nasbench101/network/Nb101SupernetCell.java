package org.evalnas.space.nasbench101.network;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;
import org.evalnas.nn.supernet.ActivePath;
import org.evalnas.nn.supernet.BatchNormMode;
import org.evalnas.nn.supernet.SlicedConvBnRelu;
import org.evalnas.space.nasbench101.spec.CellOp;
import org.evalnas.space.nasbench101.spec.CellSpec;

/**
 * One cell of a NAS-Bench-101 supernet with up to {@code V} vertices: interior vertex {@code t}
 * holds a 3x3 and a 1x1 conv-bn-relu (max pooling has no weights) and the cell input's 1x1
 * projection into it, each as wide as the cell's output; the output holds the input's
 * projection. A single path is a pruned cell whose interior vertex {@code t} runs on vertex
 * {@code t}'s layers, sliced to the channels NAS-Bench-101's rules give it in that cell, so the
 * path computes what the standalone cell computes.
 */
final class Nb101SupernetCell extends AbstractBlock {
  private static final byte VERSION = 1;

  private final int vertices;
  private final int inputChannels;
  private final int outputChannels;
  private final ActivePath<PrunedCell> active;
  /** Per vertex 1..V-1: the projection of the cell input into it. */
  private final SlicedConvBnRelu[] projections;
  private final SlicedConvBnRelu[] conv3x3;
  private final SlicedConvBnRelu[] conv1x1;

  Nb101SupernetCell(
      int vertices, int inputChannels, int outputChannels, ActivePath<PrunedCell> active, BatchNormMode mode) {
    super(VERSION);
    this.vertices = vertices;
    this.inputChannels = inputChannels;
    this.outputChannels = outputChannels;
    this.active = active;
    this.projections = new SlicedConvBnRelu[vertices];
    this.conv3x3 = new SlicedConvBnRelu[vertices];
    this.conv1x1 = new SlicedConvBnRelu[vertices];
    float eps = Layers.BN_EPSILON;
    for (int v = 1; v < vertices; v++) {
      projections[v] =
          addChildBlock("projection" + v, new SlicedConvBnRelu(1, inputChannels, outputChannels, eps, mode));
      if (v < vertices - 1) {
        conv3x3[v] = addChildBlock("conv3x3-" + v, new SlicedConvBnRelu(3, outputChannels, outputChannels, eps, mode));
        conv1x1[v] = addChildBlock("conv1x1-" + v, new SlicedConvBnRelu(1, outputChannels, outputChannels, eps, mode));
      }
    }
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
    PrunedCell path = active.path();
    NDArray input = inputs.singletonOrThrow();
    if (path == null) {
      return new NDList(mixture(store, input, training));
    }
    CellSpec cell = path.cell();
    if (cell.vertices() > vertices) {
      throw new IllegalArgumentException(
          "a cell of " + cell.vertices() + " vertices on a supernet of " + vertices);
    }
    int[] channels = VertexChannels.compute(inputChannels, outputChannels, cell);
    int out = cell.vertices() - 1;
    CellGraph.VertexLayers layers =
        new CellGraph.VertexLayers() {
          @Override
          public NDArray project(int v, NDArray x, int width) {
            // the cell's output sits at the supernet's output vertex
            return projections[v == out ? vertices - 1 : v].apply(store, x, width, training);
          }

          @Override
          public NDArray convolve(int v, CellOp op, NDArray x, int width) {
            return convolution(v, op).apply(store, x, width, training);
          }
        };
    return new NDList(CellGraph.forward(cell, channels, path.ops(), input, layers));
  }

  private SlicedConvBnRelu convolution(int v, CellOp op) {
    return op == CellOp.CONV3X3 ? conv3x3[v] : conv1x1[v];
  }

  /**
   * The mixture over the complete DAG: every edge's input scaled by the weight of its "present"
   * option, every interior vertex the weighted sum of its three operations, the output the
   * concatenation of all interior vertices (channels as for the complete cell) plus the
   * weighted projection of the input.
   */
  private NDArray mixture(ParameterStore store, NDArray input, boolean training) {
    List<NDArray> weights = active.weights();
    int out = vertices - 1;
    int edges = vertices * (vertices - 1) / 2;
    int[] channels = VertexChannels.compute(inputChannels, outputChannels, complete());
    NDArray[] values = new NDArray[vertices];
    List<NDArray> concat = new ArrayList<>();
    for (int t = 1; t < out; t++) {
      NDArray sum = projections[t].apply(store, input, channels[t], training).mul(present(weights, 0, t));
      for (int src = 1; src < t; src++) {
        sum = sum.add(CellGraph.truncate(values[src], channels[t]).mul(present(weights, src, t)));
      }
      NDArray w = weights.get(edges + t - 1);
      NDArray mixed = null;
      for (CellOp op : CellOp.INTERIOR) {
        NDArray y =
            op == CellOp.MAXPOOL3X3
                ? CellGraph.maxPool(sum)
                : convolution(t, op).apply(store, sum, channels[t], training);
        y = y.mul(w.get(op.hashLabel()));
        mixed = mixed == null ? y : mixed.add(y);
      }
      values[t] = mixed;
      concat.add(mixed.mul(present(weights, t, out)));
    }
    NDArray projection = projections[out].apply(store, input, outputChannels, training).mul(present(weights, 0, out));
    return concat.isEmpty() ? projection : NDArrays.concat(new NDList(concat), 1).add(projection);
  }

  /** The weight of edge {@code from -> to} being present, as a scalar array. */
  private NDArray present(List<NDArray> weights, int from, int to) {
    // edges are the decisions in row-major order of the upper triangle
    int index = 0;
    for (int f = 0; f < from; f++) {
      index += vertices - 1 - f;
    }
    index += to - from - 1;
    return weights.get(index).get(1);
  }

  private CellSpec complete() {
    int[] rows = new int[vertices];
    for (int from = 0; from < vertices; from++) {
      for (int to = from + 1; to < vertices; to++) {
        rows[from] |= 1 << to;
      }
    }
    List<CellOp> ops = new ArrayList<>();
    ops.add(CellOp.INPUT);
    for (int v = 1; v < vertices - 1; v++) {
      ops.add(CellOp.CONV3X3);
    }
    ops.add(CellOp.OUTPUT);
    return CellSpec.ofRows(rows, ops);
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    Shape in = inputShapes[0];
    return new Shape[] {new Shape(in.get(0), outputChannels, in.get(2), in.get(3))};
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
    Shape in = inputShapes[0];
    Shape inner = new Shape(in.get(0), outputChannels, in.get(2), in.get(3));
    for (int v = 1; v < vertices; v++) {
      projections[v].initialize(manager, dataType, in);
      if (v < vertices - 1) {
        conv3x3[v].initialize(manager, dataType, inner);
        conv1x1[v].initialize(manager, dataType, inner);
      }
    }
  }
}
