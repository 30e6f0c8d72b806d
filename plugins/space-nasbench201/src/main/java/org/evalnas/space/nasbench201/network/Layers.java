package org.evalnas.space.nasbench201.network;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.norm.BatchNorm;

/** The building blocks of AutoDL-Projects' cell operations. */
final class Layers {
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
    return BatchNorm.builder().optEpsilon(1e-5f).optMomentum(0.9f).build();
  }

  /** {@code ReLUConvBN}: ReLU, a convolution without bias, batch norm. */
  static Block reluConvBn(int kernel, int stride, int padding, int channels) {
    return new SequentialBlock()
        .add(Activation::relu)
        .add(conv(kernel, stride, padding, channels))
        .add(batchNorm());
  }
}
