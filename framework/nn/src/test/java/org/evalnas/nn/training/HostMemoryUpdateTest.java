package org.evalnas.nn.training;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import ai.djl.util.PairList;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HostMemoryUpdateTest {
  private static final Shape INPUT = new Shape(8, 1, 6, 6);

  /**
   * Two copies of one CNN (no dropout, so both compute one function) take the same steps, one optimizer updating in host memory and one
   * through the engine's element-wise calls: weights, momentum buffers and gradients stay equal
   * bit for bit, with every option on or off (a clip of 0.05 scales every step's gradients).
   */
  @ParameterizedTest
  @CsvSource({
    "0.9, true, 5e-4, 0.05",
    "0.9, true, 5e-4, 0",
    "0.9, false, 3e-4, 0",
    "0, false, 1e-4, 0",
    "0, false, 0, 0.05"
  })
  void hostUpdateEqualsTheEngineBitForBit(double momentum, boolean nesterov, double wd, double clip) {
    Engine engine = Engine.getInstance();
    try (NDManager m = engine.newBaseManager()) {
      Block host = TinyNets.cnn(4, 0);
      Block reference = TinyNets.cnn(4, 0);
      host.initialize(m, DataType.FLOAT32, INPUT);
      reference.initialize(m, DataType.FLOAT32, INPUT);
      for (int i = 0; i < host.getParameters().size(); i++) {
        reference.getParameters().get(i).getValue().getArray()
            .set(host.getParameters().get(i).getValue().getArray().toByteBuffer());
      }
      SgdOptimizer hostSgd = new SgdOptimizer(host.getParameters(), m, momentum, nesterov, wd);
      SgdOptimizer engineSgd = new SgdOptimizer(reference.getParameters(), m, momentum, nesterov, wd);
      engineSgd.engineUpdatesOnly();
      long trainable = host.getParameters().stream().filter(p -> p.getValue().requiresGradient()).count();
      int[] initial = bits(host);
      ParameterStore store = new ParameterStore(m, false);
      SplittableRandom random = new SplittableRandom(7);
      for (int step = 0; step < 6; step++) {
        float[] x = new float[(int) INPUT.size()];
        float[] target = new float[8 * 4];
        for (int i = 0; i < x.length; i++) {
          x[i] = (float) random.nextGaussian();
        }
        for (int i = 0; i < target.length; i++) {
          target[i] = (float) random.nextGaussian();
        }
        double lr = 0.3 / (step + 1);
        backward(engine, m, store, host, x, target);
        backward(engine, m, store, reference, x, target);
        double hostNorm = hostSgd.step(lr, clip);
        double engineNorm = engineSgd.step(lr, clip);

        assertThat(hostSgd.lastHostUpdates()).isEqualTo(trainable);
        assertThat(engineSgd.lastHostUpdates()).isZero();
        if (clip > 0) {
          assertThat(hostNorm).isEqualTo(engineNorm);
          assertThat(hostNorm).as("the clip scales the gradients").isGreaterThan(clip);
        }
        assertThat(bits(host)).as("weights after step %d", step).isEqualTo(bits(reference));
        assertThat(bits(hostSgd.buffers().values()))
            .as("momentum after step %d", step)
            .isEqualTo(bits(engineSgd.buffers().values()));
        assertThat(hostSgd.gradientNorm()).isZero();
      }
      assertThat(bits(host)).as("the weights moved").isNotEqualTo(initial);
    }
  }

  /**
   * As a supernet's ops off the first paths: a parameter gets its first gradient at a later
   * step. Until then the engine updates it (weight decay and momentum on a zero gradient); from
   * then on Java does, through the gradient kept from its first probe, which autograd must keep
   * accumulating into. Weights and momentum stay equal to the engine's bit for bit.
   */
  @Test
  void parameterWithoutGradientYetJoinsTheHostUpdateLater() {
    Engine engine = Engine.getInstance();
    try (NDManager m = engine.newBaseManager()) {
      Shape input = new Shape(8, 5);
      Block[] host = {Linear.builder().setUnits(3).build(), Linear.builder().setUnits(3).build()};
      Block[] reference = {Linear.builder().setUnits(3).build(), Linear.builder().setUnits(3).build()};
      PairList<String, Parameter> hostParameters = new PairList<>();
      PairList<String, Parameter> referenceParameters = new PairList<>();
      for (int b = 0; b < 2; b++) {
        host[b].initialize(m, DataType.FLOAT32, input);
        reference[b].initialize(m, DataType.FLOAT32, input);
        for (int i = 0; i < host[b].getParameters().size(); i++) {
          Pair<String, Parameter> p = host[b].getParameters().get(i);
          Parameter r = reference[b].getParameters().get(i).getValue();
          r.getArray().set(p.getValue().getArray().toByteBuffer());
          hostParameters.add(b + p.getKey(), p.getValue());
          referenceParameters.add(b + p.getKey(), r);
        }
      }
      SgdOptimizer hostSgd = new SgdOptimizer(hostParameters, m, 0.9, true, 1e-2);
      SgdOptimizer engineSgd = new SgdOptimizer(referenceParameters, m, 0.9, true, 1e-2);
      engineSgd.engineUpdatesOnly();
      int[] secondBranch = bits(host[1]);
      ParameterStore store = new ParameterStore(m, false);
      SplittableRandom random = new SplittableRandom(11);
      for (int step = 0; step < 5; step++) {
        float[] x = new float[(int) input.size()];
        for (int i = 0; i < x.length; i++) {
          x[i] = (float) random.nextGaussian();
        }
        int branches = step < 2 ? 1 : 2;
        for (Block[] net : List.of(host, reference)) {
          try (NDManager s = m.newSubManager();
              GradientCollector gc = engine.newGradientCollector()) {
            NDArray out = net[0].forward(store, new NDList(s.create(x, input)), true).head();
            if (branches == 2) {
              out = out.add(net[1].forward(store, new NDList(s.create(x, input)), true).head());
            }
            gc.backward(out.square().sum());
          }
        }
        hostSgd.step(0.05, 0);
        engineSgd.step(0.05, 0);

        assertThat(hostSgd.lastHostUpdates()).as("host updates at step %d", step).isEqualTo(branches * 2);
        assertThat(bits(host[0])).as("first branch after step %d", step).isEqualTo(bits(reference[0]));
        assertThat(bits(host[1])).as("second branch after step %d", step).isEqualTo(bits(reference[1]));
        assertThat(bits(hostSgd.buffers().values()))
            .as("momentum after step %d", step)
            .isEqualTo(bits(engineSgd.buffers().values()));
      }
      assertThat(bits(host[1])).as("the second branch moved").isNotEqualTo(secondBranch);
    }
  }

  /** A view over a copy would lose the update: the probe turns down a non-contiguous array. */
  @Test
  void viewOnlyOfArraysWhoseMemoryItIs() {
    try (NDManager m = Engine.getInstance().newBaseManager()) {
      NDArray contiguous = m.arange(6f).reshape(2, 3);
      FloatBuffer view = HostMemoryUpdate.view(contiguous);
      assertThat(view).isNotNull();
      view.put(4, 40f);
      assertThat(contiguous.getFloat(1, 1)).isEqualTo(40f);
      assertThat(contiguous.toFloatArray()).containsExactly(0f, 1f, 2f, 3f, 40f, 5f);

      NDArray transposed = m.arange(6f).reshape(2, 3).transpose();
      assertThat(HostMemoryUpdate.view(transposed)).isNull();
      assertThat(transposed.toFloatArray()).containsExactly(0f, 3f, 1f, 4f, 2f, 5f);
      assertThat(HostMemoryUpdate.view(m.arange(6).reshape(2, 3))).as("int32").isNull();
    }
  }

  private static void backward(
      Engine engine, NDManager m, ParameterStore store, Block block, float[] x, float[] target) {
    try (NDManager s = m.newSubManager();
        GradientCollector gc = engine.newGradientCollector()) {
      NDArray out = block.forward(store, new NDList(s.create(x, INPUT)), true).head();
      gc.backward(out.mul(s.create(target, new Shape(8, 4))).sum());
    }
  }

  private static int[] bits(Block block) {
    List<NDArray> arrays = new ArrayList<>();
    for (Pair<String, Parameter> p : block.getParameters()) {
      arrays.add(p.getValue().getArray());
    }
    return bits(arrays);
  }

  /** The raw bits of all the arrays' elements, one after another. */
  private static int[] bits(Iterable<NDArray> arrays) {
    List<Integer> all = new ArrayList<>();
    for (NDArray a : arrays) {
      for (float v : a.toFloatArray()) {
        all.add(Float.floatToRawIntBits(v));
      }
    }
    return all.stream().mapToInt(Integer::intValue).toArray();
  }
}
