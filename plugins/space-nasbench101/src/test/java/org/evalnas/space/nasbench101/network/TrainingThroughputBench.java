package org.evalnas.space.nasbench101.network;

import ai.djl.pytorch.jni.JniUtils;
import java.util.List;
import org.evalnas.nn.data.DataSplit;
import org.evalnas.nn.data.DatasetId;
import org.evalnas.nn.data.DatasetLoader;
import org.evalnas.nn.device.DeviceChoice;
import org.evalnas.nn.device.EngineSettings;
import org.evalnas.nn.evaluate.NetworkShape;
import org.evalnas.nn.evaluate.ScratchTrainer;
import org.evalnas.nn.training.StepPasses;
import org.evalnas.nn.training.TrainingOptions;
import org.evalnas.nn.training.TrainingSession;
import org.evalnas.space.nasbench101.spec.CellSpec;

/**
 * Training throughput (images/s) of one NAS-Bench-101 network with DJL, the counterpart of
 * {@code bench/nb101_torch_throughput.py} (same cell, network, batch, optimizer, data and
 * threads). Not a test: the README's "Training" benchmark runs it by hand, on an idle machine.
 *
 * <p>Arguments: channels stacks cells-per-stack batch steps threads.
 */
public final class TrainingThroughputBench {
  private TrainingThroughputBench() {}

  /** NASLib's second cell: input -> conv3x3 -> {conv1x1, output}, input -> maxpool -> output. */
  static final CellSpec CELL =
      CellSpec.of(
          new int[][] {
            {0, 1, 1, 0, 0}, {0, 0, 0, 1, 1}, {0, 0, 0, 0, 1}, {0, 0, 0, 0, 1}, {0, 0, 0, 0, 0}
          },
          List.of("input", "conv3x3-bn-relu", "maxpool3x3", "conv1x1-bn-relu", "output"));

  public static void main(String[] args) {
    int channels = Integer.parseInt(args[0]);
    int stacks = Integer.parseInt(args[1]);
    int cells = Integer.parseInt(args[2]);
    int batch = Integer.parseInt(args[3]);
    int steps = Integer.parseInt(args[4]);
    int threads = Integer.parseInt(args[5]);
    EngineSettings.applyDefaults(threads);
    measure("djl", Nb101Network.build(CELL, new NetworkShape(1, 10, channels, stacks, cells)),
        StepPasses.SINGLE, batch, steps, threads);
  }

  /**
   * Trains {@code block} on Fashion-MNIST with the benchmarks' optimizer (SGD lr 0.05, Nesterov
   * 0.9, wd 5e-4), {@code BENCH_WARMUP} (environment, default 5) warm-up steps then {@code steps}
   * timed ones, and prints images/s. A longer warm-up measures the JVM's compiled code alone: C1
   * compiles a method called once per step only after a few hundred calls. With {@code
   * BENCH_PROFILE} set to a file, libtorch's operator profiler records the timed steps there
   * (Chrome trace JSON; the Python benches take the same variable).
   */
  static void measure(String name, ai.djl.nn.Block block, StepPasses passes, int batch, int steps, int threads) {
    int warmup = Integer.parseInt(System.getenv().getOrDefault("BENCH_WARMUP", "5"));
    DataSplit split =
        DataSplit.of(DatasetLoader.builder().build().load(DatasetId.FASHION_MNIST), 0, 0);
    TrainingOptions options =
        TrainingOptions.builder().setEpochs(1000).setBatchSize(batch).setLearningRate(0.05)
            .optMomentum(0.9).optNesterov(true).optWeightDecay(5e-4).optDevice(DeviceChoice.CPU)
            .build();
    try (TrainingSession s =
        TrainingSession.builder()
            .setBlock(block)
            .setTrainingSet(split.train().head(batch * (steps + warmup)))
            .setOptions(options)
            .optNormalization(DatasetId.FASHION_MNIST.normalization())
            .optStepPasses(passes)
            .build()) {
      s.trainSteps(warmup);
      String profile = System.getenv("BENCH_PROFILE");
      if (profile != null) {
        JniUtils.startProfile(false, false, false);
      }
      long t0 = System.nanoTime();
      s.trainSteps(steps);
      double seconds = (System.nanoTime() - t0) / 1e9;
      if (profile != null) {
        JniUtils.stopProfile(profile);
      }
      System.out.printf(
          "%s parameters=%d batch=%d warmup=%d steps=%d threads=%d seconds=%.3f images/s=%.1f%n",
          name, ScratchTrainer.trainableParameters(s.block()), batch, warmup, steps, threads, seconds,
          steps * batch / seconds);
    }
  }
}
