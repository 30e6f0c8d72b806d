package org.evalnas.nn.pooling;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.evalnas.nn.device.EngineSettings;

/**
 * The time of one forward 3x3 max pooling of stride 1 (a NAS-Bench-101 pooling vertex) on a
 * batch of 128 random images, through the call the cell makes ({@link
 * ChannelsLastMaxPool#maxPool2d}: libtorch's plain-layout kernel below 8 channels), without
 * gradients, best of 3 repeats. Not a test: bench/TRAINING-HISTORY.md (session 15) runs it by
 * hand against the same loop in PyTorch.
 *
 * <p>Arguments: channels height-and-width iterations threads.
 */
public final class MaxPoolBench {
  private MaxPoolBench() {}

  public static void main(String[] args) {
    int channels = Integer.parseInt(args[0]);
    int size = Integer.parseInt(args[1]);
    int iterations = Integer.parseInt(args[2]);
    int threads = Integer.parseInt(args[3]);
    EngineSettings.applyDefaults(threads);
    Shape kernel = new Shape(3, 3);
    Shape stride = new Shape(1, 1);
    Shape padding = new Shape(1, 1);
    try (NDManager manager = Engine.getInstance().newBaseManager()) {
      NDArray x = manager.randomNormal(new Shape(128, channels, size, size));
      double best = Double.MAX_VALUE;
      for (int repeat = 0; repeat < 3; repeat++) {
        long start = System.nanoTime();
        for (int i = 0; i < iterations; i++) {
          ChannelsLastMaxPool.maxPool2d(x, kernel, stride, padding, false).close();
        }
        best = Math.min(best, (System.nanoTime() - start) / 1e3 / iterations);
      }
      System.out.printf(
          "djl max pool 3x3 channels=%d size=%d threads=%d us=%.1f%n", channels, size, threads, best);
    }
  }
}
