package org.evalnas.space.nasbench101.network;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;
import org.evalnas.space.nasbench101.spec.CellOp;
import org.evalnas.space.nasbench101.spec.CellSpec;

/**
 * One NAS-Bench-101 cell ({@code build_module} of the official {@code model_builder.py}) on a
 * pruned cell: a vertex sums its inputs (interior predecessors truncated to its channels, the
 * cell input through a 1x1 conv-bn-relu projection) and applies its operation; the output is
 * the concatenation of the vertices that feed it, plus a projection of the cell input when the
 * input feeds the output directly.
 */
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
    this.ops = new CellOp[n];
    this.projections = new Block[n];
    this.convolutions = new Block[n];
    for (int v = 1; v < n; v++) {
      ops[v] = CellOp.byOfficialName(cell.ops().get(v)).orElseThrow(
          () -> new IllegalArgumentException("unknown operation in " + cell.ops()));
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
    NDArray input = inputs.singletonOrThrow();
    int n = cell.vertices();
    int out = n - 1;
    NDArray[] values = new NDArray[n];
    values[0] = input;
    List<NDArray> concat = new ArrayList<>();
    for (int t = 1; t < out; t++) {
      NDArray sum = null;
      for (int src = 1; src < t; src++) {
        if (cell.edge(src, t)) {
          sum = add(sum, truncate(values[src], channels[t]));
        }
      }
      if (cell.edge(0, t)) {
        sum = add(sum, projections[t].forward(store, new NDList(input), training).singletonOrThrow());
      }
      NDArray value =
          convolutions[t] != null
              ? convolutions[t].forward(store, new NDList(sum), training).singletonOrThrow()
              : Pool.maxPool2d(sum, new Shape(3, 3), new Shape(1, 1), new Shape(1, 1), false);
      values[t] = value;
      if (cell.edge(t, out)) {
        concat.add(value);
      }
    }
    NDArray output;
    if (concat.isEmpty()) {
      output = projections[out].forward(store, new NDList(input), training).singletonOrThrow();
    } else {
      output = concat.size() == 1 ? concat.get(0) : ai.djl.ndarray.NDArrays.concat(new NDList(concat), 1);
      if (cell.edge(0, out)) {
        output = output.add(projections[out].forward(store, new NDList(input), training).singletonOrThrow());
      }
    }
    return new NDList(output);
  }

  private static NDArray add(NDArray sum, NDArray term) {
    return sum == null ? term : sum.add(term);
  }

  /** The first {@code channels} channels (the official code cuts at most one). */
  private static NDArray truncate(NDArray value, int channels) {
    long have = value.getShape().get(1);
    if (have < channels) {
      throw new IllegalStateException("cannot truncate " + have + " channels to " + channels);
    }
    return have == channels ? value : value.get(new NDIndex(":, :{}", channels));
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
