package org.evalnas.space.nasbench201.network;

import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.pooling.Pool;
import java.util.function.IntFunction;
import org.evalnas.nn.evaluate.NetworkShape;
import org.evalnas.space.nasbench201.Nb201Cell;

/**
 * The NAS-Bench-201 network (AutoDL-Projects' {@code TinyNetwork}): a 3x3 convolution and batch
 * norm stem, {@code stacks} stages of {@code cellsPerStack} cells with a residual reduction
 * block (stride 2, channels doubled) between two stages, then batch norm, ReLU, global average
 * pooling and a linear classifier. The paper's network has 16 channels and 3 stages of 5 cells
 * (16 / 32 / 64 channels).
 */
public final class Nb201Network {
  /** The paper's stem channels. */
  public static final int PAPER_CHANNELS = 16;
  /** The paper's stages. */
  public static final int PAPER_STACKS = 3;
  /** The paper's cells per stage. */
  public static final int PAPER_CELLS_PER_STACK = 5;

  private Nb201Network() {}

  /** The paper's shape for the given input channels and classes. */
  public static NetworkShape paperShape(int inputChannels, int classes) {
    return new NetworkShape(inputChannels, classes, PAPER_CHANNELS, PAPER_STACKS, PAPER_CELLS_PER_STACK);
  }

  /** A new, uninitialized network of a cell. */
  public static Block build(Nb201Cell cell, NetworkShape shape) {
    return build(shape, Layers.standaloneNorms(), channels -> new Nb201CellBlock(cell, channels));
  }

  /**
   * The network around its cells, shared with the supernet so that both have the same layers
   * in the same order.
   *
   * @param norms a batch-norm layer of a channel count
   * @param cells a cell of a channel count (a new block each call)
   */
  static SequentialBlock build(NetworkShape shape, IntFunction<Block> norms, IntFunction<Block> cells) {
    SequentialBlock net = new SequentialBlock();
    int channels = shape.channels();
    net.add(Layers.conv(3, 1, 1, channels)).add(norms.apply(channels));
    for (int stage = 0; stage < shape.stacks(); stage++) {
      if (stage > 0) {
        channels *= 2;
        net.add(new ResidualReduction(channels, norms));
      }
      for (int c = 0; c < shape.cellsPerStack(); c++) {
        net.add(cells.apply(channels));
      }
    }
    net.add(norms.apply(channels)).add(Activation::relu);
    net.add(Pool.globalAvgPool2dBlock());
    net.add(Linear.builder().setUnits(shape.classes()).build());
    return net;
  }
}
