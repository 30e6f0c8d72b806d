package org.evalnas.space.nasbench101.network;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.util.List;
import org.evalnas.api.space.Architecture;
import org.evalnas.nn.device.EngineSettings;
import org.evalnas.nn.evaluate.NetworkShape;
import org.evalnas.nn.supernet.Supernet;
import org.evalnas.nn.training.SgdOptimizer;
import org.evalnas.space.nasbench101.Nb101Space;

/**
 * The time of one {@link SgdOptimizer#step} on the parameters of the 4-vertex NAS-Bench-101
 * supernet (Nesterov 0.9, weight decay 5e-4, one intra-op thread), after every path has run once
 * so every parameter has a gradient. Not a test: the README's "The SGD update in host memory"
 * runs it by hand.
 *
 * <p>Arguments: stem-channels clip-norm (0 for none).
 */
public final class OptimizerStepBench {
  private OptimizerStepBench() {}

  public static void main(String[] args) {
    int channels = Integer.parseInt(args[0]);
    double clip = Double.parseDouble(args[1]);
    EngineSettings.applyDefaults(1);
    Engine engine = Engine.getInstance();
    Nb101Space space = Nb101Space.withEdges(SupernetThroughputBench.VERTICES);
    List<Architecture> cells = space.enumerate().toList();
    Supernet supernet = space.supernet(new NetworkShape(1, 10, channels, 2, 1));
    Block block = supernet.block();
    try (NDManager manager = engine.newBaseManager()) {
      Shape input = new Shape(64, 1, 28, 28);
      block.initialize(manager, DataType.FLOAT32, input);
      long tensors =
          block.getParameters().stream().filter(p -> p.getValue().requiresGradient()).count();
      SgdOptimizer optimizer = new SgdOptimizer(block.getParameters(), manager, 0.9, true, 5e-4);
      ParameterStore store = new ParameterStore(manager, false);
      for (Architecture cell : cells) {
        supernet.activate(cell);
        try (NDManager step = manager.newSubManager();
            GradientCollector collector = engine.newGradientCollector()) {
          collector.backward(
              block.forward(store, new NDList(step.randomNormal(input)), true).head().sum());
        }
      }
      for (int repeat = 0; repeat < 5; repeat++) {
        long t0 = System.nanoTime();
        for (int i = 0; i < 200; i++) {
          optimizer.step(0.01, clip);
        }
        System.out.printf(
            "trainable tensors=%d clip=%s step ms=%.3f%n",
            tensors, clip, (System.nanoTime() - t0) / 1e6 / 200);
      }
    }
  }
}
