package org.evalnas.nn.supernet;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * Batch norm over the channel axis of {@code (N, C, H, W)} inputs with {@code C} up to the
 * layer's width: an input of fewer channels uses (and in training mode updates) the first
 * {@code C} entries of the affine parameters and running statistics. Computes what DJL's
 * {@link BatchNorm} block computes; the momentum comes from the supernet's {@link
 * BatchNormMode}.
 */
public final class SupernetBatchNorm extends AbstractBlock {
  private static final byte VERSION = 1;

  private final int width;
  private final float epsilon;
  private final BatchNormMode mode;
  private final Parameter gamma;
  private final Parameter beta;
  private final Parameter runningMean;
  private final Parameter runningVar;

  /**
   * @param width the most channels an input has
   * @param epsilon added to the variance
   * @param mode the supernet's shared update mode
   */
  public SupernetBatchNorm(int width, float epsilon, BatchNormMode mode) {
    super(VERSION);
    this.width = width;
    this.epsilon = epsilon;
    this.mode = mode;
    Shape shape = new Shape(width);
    gamma = addParameter(Parameter.builder().setName("gamma").setType(Parameter.Type.GAMMA).optShape(shape).build());
    beta = addParameter(Parameter.builder().setName("beta").setType(Parameter.Type.BETA).optShape(shape).build());
    runningMean =
        addParameter(
            Parameter.builder()
                .setName("runningMean")
                .setType(Parameter.Type.RUNNING_MEAN)
                .optShape(shape)
                .optRequiresGrad(false)
                .build());
    runningVar =
        addParameter(
            Parameter.builder()
                .setName("runningVar")
                .setType(Parameter.Type.RUNNING_VAR)
                .optShape(shape)
                .optRequiresGrad(false)
                .build());
  }

  /** The width. */
  public int width() {
    return width;
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
    NDArray x = inputs.singletonOrThrow();
    long channels = x.getShape().get(1);
    if (channels > width) {
      throw new IllegalArgumentException("an input of " + channels + " channels, the layer has " + width);
    }
    return BatchNorm.batchNorm(
        x,
        slice(store.getValue(runningMean, x.getDevice(), training), channels),
        slice(store.getValue(runningVar, x.getDevice(), training), channels),
        slice(store.getValue(gamma, x.getDevice(), training), channels),
        slice(store.getValue(beta, x.getDevice(), training), channels),
        1,
        mode.momentum(),
        epsilon,
        training);
  }

  /**
   * The first {@code channels} entries: a view, so that batch norm's in-place update of the
   * running statistics reaches the whole array and gradients reach the whole parameter.
   */
  private NDArray slice(NDArray array, long channels) {
    return channels == width ? array : array.get(new NDIndex(":{}", channels));
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return new Shape[] {inputShapes[0]};
  }
}
