package org.evalnas.space.nasbench201.network;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.pooling.Pool;
import java.util.function.UnaryOperator;
import org.evalnas.space.nasbench201.Nb201Cell;
import org.evalnas.space.nasbench201.Nb201Operation;

/**
 * The data flow of one NAS-Bench-201 cell ({@code InferCell}), apart from what runs on each
 * edge: node {@code j} is the sum of its incoming edges' terms on earlier nodes, the cell's
 * output is node 3. Shared by the standalone cell and the supernet's cell, so that a single
 * path computes exactly what the standalone cell computes.
 */
final class CellGraph {
  private static final int[] EDGE_TO = {1, 2, 2, 3, 3, 3};
  private static final int[] EDGE_FROM = {0, 0, 1, 0, 1, 2};

  /** What an edge contributes to its target node. */
  interface Edges {
    /** The term of {@code edge} on its source node's value, or null for none. */
    NDArray apply(int edge, NDArray from);
  }

  private CellGraph() {}

  /** The cell's output; a node without any term (all its edges none) is zero. */
  static NDArray forward(NDArray input, Edges edges) {
    NDArray[] nodes = new NDArray[4];
    nodes[0] = input;
    for (int e = 0; e < Nb201Cell.EDGES; e++) {
      NDArray term = edges.apply(e, nodes[EDGE_FROM[e]]);
      int to = EDGE_TO[e];
      if (term != null) {
        nodes[to] = nodes[to] == null ? term : nodes[to].add(term);
      }
      boolean lastIntoNode = e + 1 == Nb201Cell.EDGES || EDGE_TO[e + 1] != to;
      if (lastIntoNode && nodes[to] == null) {
        nodes[to] = input.zerosLike();
      }
    }
    return nodes[3];
  }

  /**
   * One operation on {@code x}: null for none, the identity, the pooling, or {@code
   * convolution} for the two convolutions (whose weights the caller owns).
   */
  static NDArray operation(Nb201Operation op, NDArray x, UnaryOperator<NDArray> convolution) {
    return switch (op) {
      case NONE -> null;
      case SKIP_CONNECT -> x;
      // 3x3, stride 1, padding 1, the padding not counted (count_include_pad=False)
      case AVG_POOL_3X3 -> Pool.avgPool2d(x, new Shape(3, 3), new Shape(1, 1), new Shape(1, 1), false, false);
      case NOR_CONV_1X1, NOR_CONV_3X3 -> convolution.apply(x);
    };
  }

  /** The kernel of a convolution operation. */
  static int kernel(Nb201Operation op) {
    return switch (op) {
      case NOR_CONV_1X1 -> 1;
      case NOR_CONV_3X3 -> 3;
      default -> throw new IllegalArgumentException(op.officialName() + " is not a convolution");
    };
  }

  /** Whether an operation has weights (is a ReLU-conv-BN). */
  static boolean isConvolution(Nb201Operation op) {
    return op == Nb201Operation.NOR_CONV_1X1 || op == Nb201Operation.NOR_CONV_3X3;
  }
}
