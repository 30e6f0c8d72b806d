package org.evalnas.nn.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.core.Linear;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.nio.FloatBuffer;
import org.junit.jupiter.api.Test;

class SgdOptimizerTest {

  /**
   * Two steps on w (1 x 3, no bias) with loss = sum(w x) * c, so grad = c x, checked against
   * PyTorch's formulas written out by hand.
   */
  private static float[] twoSteps(double momentum, boolean nesterov, double wd, double clip) {
    float[] x = {1f, -2f, 3f};
    float c = 2f;
    Engine engine = Engine.getInstance();
    try (NDManager m = engine.newBaseManager()) {
      Block block = Linear.builder().setUnits(1).optBias(false).build();
      block.initialize(m, DataType.FLOAT32, new Shape(1, 3));
      NDArray w = block.getParameters().get(0).getValue().getArray();
      w.set(FloatBuffer.wrap(new float[] {0.5f, 0.25f, -1f}));
      SgdOptimizer sgd = new SgdOptimizer(block.getParameters(), m, momentum, nesterov, wd);
      ParameterStore store = new ParameterStore(m, false);
      for (int step = 0; step < 2; step++) {
        try (NDManager s = m.newSubManager()) {
          try (GradientCollector gc = engine.newGradientCollector()) {
            NDArray out = block.forward(store, new NDList(s.create(x, new Shape(1, 3))), true).head();
            gc.backward(out.sum().mul(c));
          }
          sgd.step(0.1, clip);
        }
      }
      return w.toFloatArray();
    }
  }

  private static double[] expected(double momentum, boolean nesterov, double wd, double clip) {
    double[] x = {1, -2, 3};
    double[] w = {0.5, 0.25, -1};
    double[] buf = new double[3];
    for (int step = 0; step < 2; step++) {
      double[] g = new double[3];
      double norm = 0;
      for (int i = 0; i < 3; i++) {
        g[i] = 2 * x[i];
        norm += g[i] * g[i];
      }
      norm = Math.sqrt(norm);
      double scale = clip > 0 && norm > clip ? clip / (norm + 1e-6) : 1;
      for (int i = 0; i < 3; i++) {
        g[i] = g[i] * scale + wd * w[i];
        buf[i] = momentum * buf[i] + g[i];
        double d = momentum == 0 ? g[i] : nesterov ? g[i] + momentum * buf[i] : buf[i];
        w[i] -= 0.1 * d;
      }
    }
    return w;
  }

  private static void check(double momentum, boolean nesterov, double wd, double clip) {
    float[] actual = twoSteps(momentum, nesterov, wd, clip);
    double[] expected = expected(momentum, nesterov, wd, clip);
    for (int i = 0; i < 3; i++) {
      assertThat((double) actual[i]).as("w[%d]", i).isEqualTo(expected[i], within(1e-5));
    }
  }

  @Test
  void plainSgd() {
    check(0, false, 0, 0);
  }

  @Test
  void momentumWithWeightDecay() {
    check(0.9, false, 0.01, 0);
  }

  @Test
  void nesterovWithClipping() {
    check(0.9, true, 0.001, 1.0);
  }

  /** The norm the clip sees: each gradient's float sum of squares, added in double in order. */
  @Test
  void gradientNormAddsEachParametersSumOfSquares() {
    Engine engine = Engine.getInstance();
    try (NDManager m = engine.newBaseManager()) {
      Block block = TinyNets.mlp(5, 3);
      block.initialize(m, DataType.FLOAT32, new Shape(4, 6));
      SgdOptimizer sgd = new SgdOptimizer(block.getParameters(), m, 0.9, false, 0);
      ParameterStore store = new ParameterStore(m, false);
      float[] x = new float[24];
      for (int i = 0; i < x.length; i++) {
        x[i] = (float) Math.sin(i * 1.7) * 3;
      }
      try (GradientCollector gc = engine.newGradientCollector()) {
        NDArray out = block.forward(store, new NDList(m.create(x, new Shape(4, 6))), true).head();
        gc.backward(out.mul(out).sum());
      }
      double expected = 0;
      int parameters = 0;
      for (var p : block.getParameters()) {
        try (NDArray g = p.getValue().getArray().getGradient();
            NDArray sq = g.square();
            NDArray s = sq.sum()) {
          expected += s.getFloat();
          parameters++;
        }
      }
      assertThat(parameters).isEqualTo(4);
      assertThat(expected).isPositive();
      assertThat(sgd.gradientNorm()).isEqualTo(Math.sqrt(expected));
    }
  }

  @Test
  void gradientsAreZeroAfterAStep() {
    Engine engine = Engine.getInstance();
    try (NDManager m = engine.newBaseManager()) {
      Block block = Linear.builder().setUnits(2).build();
      block.initialize(m, DataType.FLOAT32, new Shape(1, 3));
      SgdOptimizer sgd = new SgdOptimizer(block.getParameters(), m, 0.9, false, 0);
      ParameterStore store = new ParameterStore(m, false);
      try (GradientCollector gc = engine.newGradientCollector()) {
        gc.backward(block.forward(store, new NDList(m.ones(new Shape(1, 3))), true).head().sum());
      }
      assertThat(sgd.gradientNorm()).isPositive();
      sgd.step(0.1, 0);
      assertThat(sgd.gradientNorm()).isZero();
      assertThat(sgd.buffers()).hasSize(2);
    }
  }
}
