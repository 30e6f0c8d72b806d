package org.evalnas.space.nasbench201.network;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.norm.BatchNorm;
import java.util.function.IntFunction;
import org.evalnas.nn.supernet.BatchNormMode;
import org.evalnas.nn.supernet.SupernetBatchNorm;

/**
 * The building blocks of AutoDL-Projects' cell operations. Batch norm is passed in as a factory
 * of a layer per channel count, so that the standalone network (DJL's {@link BatchNorm}) and
 * the supernet ({@link SupernetBatchNorm} in the supernet's shared mode) are built by the same
 * code and differ in nothing else.
 */
final class Layers {
  /** PyTorch's default batch-norm epsilon. */
  static final float BN_EPSILON = 1e-5f;

  /**
   * The share of the running statistics a batch keeps: PyTorch's default update of 0.1, the
   * same as a supernet's training mode, so single paths and standalone networks agree.
   */
  static final float BN_MOMENTUM = BatchNormMode.TRAINING_MOMENTUM;

  private Layers() {}

  /** A convolution without bias. */
  static Block conv(int kernel, int stride, int padding, int channels) {
    return Conv2d.builder()
        .setKernelShape(new Shape(kernel, kernel))
        .optStride(new Shape(stride, stride))
        .optPadding(new Shape(padding, padding))
        .optBias(false)
        .setFilters(channels)
        .build();
  }

  /** Batch norm as PyTorch's default (epsilon 1e-5, running statistics updated by 0.1). */
  static Block batchNorm() {
    return BatchNorm.builder().optEpsilon(BN_EPSILON).optMomentum(BN_MOMENTUM).build();
  }

  /** The standalone network's batch norm, whatever the channels. */
  static IntFunction<Block> standaloneNorms() {
    return channels -> batchNorm();
  }

  /** A supernet's batch norm: the same computation, its momentum set by the shared mode. */
  static IntFunction<Block> supernetNorms(BatchNormMode mode) {
    return channels -> new SupernetBatchNorm(channels, BN_EPSILON, mode);
  }

  /** {@code ReLUConvBN}: ReLU, a convolution without bias, batch norm. */
  static Block reluConvBn(int kernel, int stride, int padding, int channels, IntFunction<Block> norms) {
    return new SequentialBlock()
        .add(Activation::relu)
        .add(conv(kernel, stride, padding, channels))
        .add(norms.apply(channels));
  }
}
