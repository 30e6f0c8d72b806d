package org.evalnas.space.nasbench101.network;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.List;
import org.evalnas.nn.pooling.ChannelsLastMaxPool;
import org.evalnas.space.nasbench101.spec.CellOp;
import org.evalnas.space.nasbench101.spec.CellSpec;

/**
 * The data flow of one NAS-Bench-101 cell ({@code build_module} of the official {@code
 * model_builder.py}), apart from where the layers' weights come from: a standalone cell owns
 * its layers, a supernet cell slices shared ones. A vertex sums its inputs (interior
 * predecessors truncated to its channels, the cell input through a 1x1 projection), then
 * applies its operation; the output concatenates the vertices that feed it, plus a projection
 * of the cell input when the input feeds the output directly.
 */
final class CellGraph {

  /** The layers of a cell, by vertex. */
  interface VertexLayers {
    /** The 1x1 conv-bn-relu projection of the cell input into vertex {@code v}. */
    NDArray project(int v, NDArray input, int channels);

    /** Vertex {@code v}'s convolution ({@code op} is a convolution) on {@code x}. */
    NDArray convolve(int v, CellOp op, NDArray x, int channels);
  }

  private CellGraph() {}

  /** The operation of each vertex of {@code cell} after the input (index 0 stays null). */
  static CellOp[] operations(CellSpec cell) {
    CellOp[] ops = new CellOp[cell.vertices()];
    for (int v = 1; v < ops.length; v++) {
      String name = cell.ops().get(v);
      ops[v] = CellOp.byOfficialName(name)
          .orElseThrow(() -> new IllegalArgumentException("unknown operation " + name + " in " + cell.ops()));
    }
    return ops;
  }

  /**
   * The cell's output.
   *
   * @param cell a pruned cell
   * @param channels its vertex channels ({@link VertexChannels})
   * @param ops its operation per vertex ({@link #operations})
   */
  static NDArray forward(CellSpec cell, int[] channels, CellOp[] ops, NDArray input, VertexLayers layers) {
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
        sum = add(sum, layers.project(t, input, channels[t]));
      }
      values[t] = operate(t, ops[t], sum, channels[t], layers);
      if (cell.edge(t, out)) {
        concat.add(values[t]);
      }
    }
    if (concat.isEmpty()) {
      return layers.project(out, input, channels[out]);
    }
    NDArray output = concat.size() == 1 ? concat.get(0) : NDArrays.concat(new NDList(concat), 1);
    if (cell.edge(0, out)) {
      output = output.add(layers.project(out, input, channels[out]));
    }
    return output;
  }

  /** Vertex {@code v}'s operation on the sum of its inputs. */
  static NDArray operate(int v, CellOp op, NDArray x, int channels, VertexLayers layers) {
    return op == CellOp.MAXPOOL3X3 ? maxPool(x) : layers.convolve(v, op, x, channels);
  }

  /** The 3x3 same-padded max pooling of stride 1 (libtorch's fast kernel, the same result). */
  static NDArray maxPool(NDArray x) {
    return ChannelsLastMaxPool.maxPool2d(
        x, new Shape(3, 3), new Shape(1, 1), new Shape(1, 1), false);
  }

  private static NDArray add(NDArray sum, NDArray term) {
    return sum == null ? term : sum.add(term);
  }

  /** The first {@code channels} channels (the official code cuts at most one). */
  static NDArray truncate(NDArray value, int channels) {
    long have = value.getShape().get(1);
    if (have < channels) {
      throw new IllegalStateException("cannot truncate " + have + " channels to " + channels);
    }
    return have == channels ? value : value.get(new NDIndex(":, :{}", channels));
  }
}
