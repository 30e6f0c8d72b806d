package org.evalnas.nn.training;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.norm.Dropout;
import ai.djl.nn.pooling.Pool;
import java.util.SplittableRandom;
import org.evalnas.nn.data.ImageSet;

/** Small networks and data for training tests. */
final class TinyNets {
  private TinyNets() {}

  static Block mlp(int hidden, int classes) {
    return new SequentialBlock()
        .add(Blocks.batchFlattenBlock())
        .add(Linear.builder().setUnits(hidden).build())
        .add(Activation::relu)
        .add(Linear.builder().setUnits(classes).build());
  }

  /** Conv, batch norm, pooling and dropout: every kind of state and randomness a net has. */
  static Block cnn(int classes) {
    return cnn(classes, 0.25f);
  }

  /** As {@link #cnn(int)}, with a dropout rate of its own; 0 leaves dropout out. */
  static Block cnn(int classes, float dropout) {
    SequentialBlock net = new SequentialBlock()
        .add(Conv2d.builder().setKernelShape(new Shape(3, 3)).optPadding(new Shape(1, 1)).setFilters(4).build())
        .add(BatchNorm.builder().build())
        .add(Activation::relu)
        .add(Pool.maxPool2dBlock(new Shape(2, 2)))
        .add(Blocks.batchFlattenBlock());
    if (dropout > 0) {
      net.add(Dropout.builder().optRate(dropout).build());
    }
    return net.add(Linear.builder().setUnits(classes).build());
  }

  /**
   * {@code n} random grey {@code size x size} images; the label is the brightest of four
   * quadrants, so a small network can learn it.
   */
  static ImageSet quadrants(int n, int size, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    byte[] pixels = new byte[n * size * size];
    byte[] labels = new byte[n];
    int half = size / 2;
    for (int i = 0; i < n; i++) {
      int label = random.nextInt(4);
      labels[i] = (byte) label;
      for (int y = 0; y < size; y++) {
        for (int x = 0; x < size; x++) {
          int quadrant = (y < half ? 0 : 2) + (x < half ? 0 : 1);
          int value = random.nextInt(120) + (quadrant == label ? 100 : 0);
          pixels[i * size * size + y * size + x] = (byte) value;
        }
      }
    }
    return new ImageSet(pixels, labels, 1, size, size, 4);
  }
}
