package org.evalnas.nn.pooling;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.GradientCollector;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ChannelsLastMaxPoolTest {

  /**
   * Values and gradients equal DJL's max pooling bit for bit, on inputs full of ties (rectified
   * noise, half of it zero), where a kernel keeping another maximum than the first would route
   * gradients elsewhere. Every case has at least 8 channels, so it takes the channels-last path
   * (12: a vector and a scalar tail; width 1: the reshape into channels-last is a view).
   */
  @ParameterizedTest
  @CsvSource({
    "8, 16, 28, 28, 3, 1, 1, false",
    "4, 32, 15, 15, 3, 1, 1, false",
    "4, 16, 15, 15, 2, 2, 0, true",
    "3, 8, 7, 5, 3, 1, 1, false",
    "1, 12, 7, 3, 3, 1, 1, false",
    "2, 9, 9, 1, 3, 1, 1, false"
  })
  void poolsAndBackPropagatesExactlyAsDjlsMaxPool(
      int n, int c, int h, int w, int k, int stride, int pad, boolean ceil) {
    Shape kernel = new Shape(k, k);
    Shape strides = new Shape(stride, stride);
    Shape padding = new Shape(pad, pad);
    try (NDManager manager = Engine.getInstance().newBaseManager()) {
      NDArray x = rectifiedNoise(manager, new Shape(n, c, h, w), 7);
      NDArray expected = gradient(x, z -> Pool.maxPool2d(z, kernel, strides, padding, ceil));
      NDArray expectedValues = Pool.maxPool2d(x, kernel, strides, padding, ceil);
      NDArray actual =
          gradient(x, z -> ChannelsLastMaxPool.maxPool2d(z, kernel, strides, padding, ceil));
      NDArray actualValues = ChannelsLastMaxPool.maxPool2d(x, kernel, strides, padding, ceil);

      assertThat(actualValues.getShape()).isEqualTo(expectedValues.getShape());
      assertThat(actualValues.toFloatArray()).containsExactly(expectedValues.toFloatArray());
      assertThat(actual.toFloatArray()).containsExactly(expected.toFloatArray());
      // the ties are real: some window has its maximum more than once
      assertThat(x.eq(0f).sum().getLong()).isGreaterThan(x.size() / 3);
    }
  }

  /**
   * The conversion really stores the array channels-last, and the pooled result comes back in
   * NCHW order: downstream convolutions and batch norms must see the layout they always saw, or
   * their kernels (and rounding) could change.
   */
  @Test
  void convertsToChannelsLastAndPoolsBackIntoNchwOrder() {
    try (NDManager manager = Engine.getInstance().newBaseManager()) {
      NDArray x = rectifiedNoise(manager, new Shape(2, 8, 5, 5), 3);
      assertThat(storedInLogicalOrder(x)).isTrue();
      assertThat(storedInLogicalOrder(ChannelsLastMaxPool.toChannelsLast(x))).isFalse();
      NDArray pooled =
          ChannelsLastMaxPool.maxPool2d(
              x, new Shape(3, 3), new Shape(1, 1), new Shape(1, 1), false);
      assertThat(storedInLogicalOrder(pooled)).isTrue();
    }
  }

  /**
   * Whether {@code a} is stored in its logical (row-major) order: only then is a flat reshape of
   * a copy that keeps its strides a view, through which zeroing reaches the copy.
   */
  private static boolean storedInLogicalOrder(NDArray a) {
    NDArray copy = a.duplicate();
    copy.reshape(-1).muli(0f);
    return copy.eq(0f).all().getBoolean() && a.neq(0f).any().getBoolean();
  }

  /** The gradient of sum(pool(x) * weights) for fixed, distinct weights. */
  private static NDArray gradient(NDArray x, java.util.function.UnaryOperator<NDArray> pool) {
    NDManager manager = x.getManager();
    NDArray input = x.duplicate();
    input.setRequiresGradient(true);
    try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
      NDArray y = pool.apply(input);
      NDArray weights = manager.arange((float) y.size()).reshape(y.getShape()).div(y.size());
      collector.backward(y.mul(weights).sum());
    }
    return input.getGradient().duplicate();
  }

  private static NDArray rectifiedNoise(NDManager manager, Shape shape, long seed) {
    Random random = new Random(seed);
    float[] values = new float[Math.toIntExact(shape.size())];
    for (int i = 0; i < values.length; i++) {
      values[i] = Math.max(0f, (float) random.nextGaussian());
    }
    return manager.create(values, shape);
  }
}
