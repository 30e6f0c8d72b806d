package org.evalnas.space.nasbench101.network;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.norm.BatchNorm;

/** The official building block {@code conv_bn_relu}. */
final class Layers {
  /** Batch-norm epsilon of the official code. */
  static final float BN_EPSILON = 1e-5f;
  /**
   * Batch-norm momentum in DJL's sense (the running statistics keep this share): PyTorch's
   * default 0.1 update. The official TF code keeps 0.997, made for 108 epochs of 390 steps; a
   * short CPU schedule would not get its statistics warmed up with it.
   */
  static final float BN_MOMENTUM = org.evalnas.nn.supernet.BatchNormMode.TRAINING_MOMENTUM;

  private Layers() {}

  /** A same-padded convolution without bias, batch norm, ReLU. */
  static Block convBnRelu(int kernel, int channels) {
    return new SequentialBlock()
        .add(
            Conv2d.builder()
                .setKernelShape(new Shape(kernel, kernel))
                .optPadding(new Shape(kernel / 2, kernel / 2))
                .optBias(false)
                .setFilters(channels)
                .build())
        .add(BatchNorm.builder().optEpsilon(BN_EPSILON).optMomentum(BN_MOMENTUM).build())
        .add(Activation::relu);
  }
}
