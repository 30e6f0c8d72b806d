package org.evalnas.nn.supernet;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * A same-padded convolution without bias, batch norm and ReLU whose input and output
 * channels can be fewer than its width: a path that needs {@code out} output channels from an
 * input of {@code in} channels uses the weights {@code [:out, :in]} (and the first {@code out}
 * batch-norm entries), as NAS-Bench-101's channel rules ask of a supernet whose vertices get
 * different widths in different cells.
 */
public final class SlicedConvBnRelu extends AbstractBlock {
  private static final byte VERSION = 1;

  private final int kernel;
  private final int maxIn;
  private final int maxOut;
  private final Parameter weight;
  private final SupernetBatchNorm norm;

  /**
   * @param kernel the square kernel's size (odd)
   * @param maxIn the most input channels
   * @param maxOut the most output channels
   * @param epsilon batch norm's epsilon
   * @param mode the supernet's batch-norm mode
   */
  public SlicedConvBnRelu(int kernel, int maxIn, int maxOut, float epsilon, BatchNormMode mode) {
    super(VERSION);
    this.kernel = kernel;
    this.maxIn = maxIn;
    this.maxOut = maxOut;
    this.weight =
        addParameter(
            Parameter.builder()
                .setName("weight")
                .setType(Parameter.Type.WEIGHT)
                .optShape(new Shape(maxOut, maxIn, kernel, kernel))
                .build());
    this.norm = addChildBlock("norm", new SupernetBatchNorm(maxOut, epsilon, mode));
  }

  /**
   * The layer on {@code x} with {@code out} output channels.
   *
   * @throws IllegalArgumentException when {@code x} or {@code out} exceed the widths
   */
  public NDArray apply(ParameterStore store, NDArray x, int out, boolean training) {
    long in = x.getShape().get(1);
    if (in > maxIn || out > maxOut || out < 1) {
      throw new IllegalArgumentException(
          "a " + in + " -> " + out + " channel path through a " + maxIn + " -> " + maxOut + " layer");
    }
    NDArray w = store.getValue(weight, x.getDevice(), training);
    if (in < maxIn || out < maxOut) {
      w = w.get(new NDIndex(":{}, :{}", out, in));
    }
    NDArray y =
        Conv2d.conv2d(
                x,
                w,
                null,
                new Shape(1, 1),
                new Shape(kernel / 2, kernel / 2),
                new Shape(1, 1),
                1)
            .singletonOrThrow();
    y = norm.forward(store, new NDList(y), training).singletonOrThrow();
    return Activation.relu(y);
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
    return new NDList(apply(store, inputs.singletonOrThrow(), maxOut, training));
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    Shape in = inputShapes[0];
    return new Shape[] {new Shape(in.get(0), maxOut, in.get(2), in.get(3))};
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
    Shape in = inputShapes[0];
    norm.initialize(manager, dataType, new Shape(in.get(0), maxOut, in.get(2), in.get(3)));
  }
}
