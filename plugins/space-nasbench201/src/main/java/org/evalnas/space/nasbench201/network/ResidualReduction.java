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
import java.util.function.IntFunction;

/**
 * The reduction between two stages ({@code ResNetBasicblock} with stride 2): ReLU-conv3x3/2-BN,
 * ReLU-conv3x3-BN, plus the input through a 2x2 average pooling and a 1x1 convolution. The
 * pooling rounds up (an odd size keeps its last row, as the strided convolution does); for even
 * sizes, all the benchmark uses, that is PyTorch's pooling. The batch norm comes from a
 * factory: the standalone network's or the supernet's (the block itself has no choices).
 */
final class ResidualReduction extends AbstractBlock {
  private static final byte VERSION = 1;

  private final int channels;
  private final Block convA;
  private final Block convB;
  private final Block shortcut;

  ResidualReduction(int channels, IntFunction<Block> norms) {
    super(VERSION);
    this.channels = channels;
    this.convA = addChildBlock("convA", Layers.reluConvBn(3, 2, 1, channels, norms));
    this.convB = addChildBlock("convB", Layers.reluConvBn(3, 1, 1, channels, norms));
    this.shortcut = addChildBlock("shortcut", Layers.conv(1, 1, 0, channels));
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
    NDArray x = inputs.singletonOrThrow();
    NDArray y = convA.forward(store, new NDList(x), training).singletonOrThrow();
    y = convB.forward(store, new NDList(y), training).singletonOrThrow();
    NDArray pooled = Pool.avgPool2d(x, new Shape(2, 2), new Shape(2, 2), new Shape(0, 0), true, true);
    NDArray residual = shortcut.forward(store, new NDList(pooled), training).singletonOrThrow();
    return new NDList(residual.add(y));
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    Shape in = inputShapes[0];
    return new Shape[] {new Shape(in.get(0), channels, (in.get(2) + 1) / 2, (in.get(3) + 1) / 2)};
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
    Shape in = inputShapes[0];
    convA.initialize(manager, dataType, in);
    Shape out = getOutputShapes(inputShapes)[0];
    convB.initialize(manager, dataType, out);
    shortcut.initialize(manager, dataType, new Shape(in.get(0), in.get(1), (in.get(2) + 1) / 2, (in.get(3) + 1) / 2));
  }
}
