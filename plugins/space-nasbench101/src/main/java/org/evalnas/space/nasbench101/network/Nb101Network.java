package org.evalnas.space.nasbench101.network;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.pooling.Pool;
import org.evalnas.nn.evaluate.NetworkShape;
import org.evalnas.space.nasbench101.spec.CellSpec;
import org.evalnas.space.nasbench101.spec.CellValidator;
import org.evalnas.space.nasbench101.spec.CellVerdict;

/**
 * The NAS-Bench-101 network ({@code build_model_fn} of the official {@code model_builder.py}):
 * a 3x3 conv-bn-relu stem, {@code stacks} stacks of {@code cellsPerStack} cells with a 2x2 max
 * pooling and doubled channels before every stack but the first, global average pooling and a
 * dense classifier. The paper's network has 128 stem channels and 3 stacks of 3 cells.
 */
public final class Nb101Network {
  /** The paper's stem channels. */
  public static final int PAPER_CHANNELS = 128;
  /** The paper's stacks. */
  public static final int PAPER_STACKS = 3;
  /** The paper's cells per stack. */
  public static final int PAPER_CELLS_PER_STACK = 3;

  private Nb101Network() {}

  /** The paper's shape for the given input channels and classes. */
  public static NetworkShape paperShape(int inputChannels, int classes) {
    return new NetworkShape(inputChannels, classes, PAPER_CHANNELS, PAPER_STACKS, PAPER_CELLS_PER_STACK);
  }

  /**
   * A new, uninitialized network of a cell (pruned first, as {@code ModelSpec} does).
   *
   * @throws IllegalArgumentException when the cell is not a valid NAS-Bench-101 cell
   */
  public static Block build(CellSpec cell, NetworkShape shape) {
    CellVerdict verdict = CellValidator.check(cell);
    if (!verdict.valid()) {
      throw new IllegalArgumentException("not a NAS-Bench-101 cell: " + verdict.reason());
    }
    CellSpec pruned = verdict.pruned();
    return build(shape, Layers.convBnRelu(3, shape.channels()), (in, out) -> new Nb101CellBlock(pruned, in, out));
  }

  /**
   * The network around its cells, shared by the standalone network and the supernet: {@code
   * stem}, the stacks of {@code cells.make(inputChannels, outputChannels)} with 2x2 max pooling
   * and doubled channels between them, global average pooling and the classifier.
   */
  static Block build(NetworkShape shape, Block stem, CellFactory cells) {
    SequentialBlock net = new SequentialBlock();
    net.add(stem);
    int channels = shape.channels();
    int in = channels;
    for (int stack = 0; stack < shape.stacks(); stack++) {
      if (stack > 0) {
        // 'same' padding of a 2x2/2 pool = ceil mode: odd sizes keep their last row
        net.add(Pool.maxPool2dBlock(new Shape(2, 2), new Shape(2, 2), new Shape(0, 0), true));
        channels *= 2;
      }
      for (int c = 0; c < shape.cellsPerStack(); c++) {
        net.add(cells.make(in, channels));
        in = channels;
      }
    }
    net.add(Pool.globalAvgPool2dBlock());
    net.add(Linear.builder().setUnits(shape.classes()).build());
    return net;
  }

  /** Makes one cell of the network. */
  interface CellFactory {
    Block make(int inputChannels, int outputChannels);
  }
}
