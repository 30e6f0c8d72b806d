package org.evalnas.nn.data;

import java.util.SplittableRandom;

/**
 * A random geometric transform of training images, drawn once per image: a shift (a crop out
 * of the zero-padded image) and a horizontal flip. Output pixel {@code (y, x)} reads input
 * pixel {@code (y + offsetY, (flip ? width - 1 - x : x) + offsetX)}, or zero (before
 * normalization) outside the image.
 */
@FunctionalInterface
public interface Augmentation {

  /**
   * Where one output image reads its input.
   *
   * @param offsetY rows to shift
   * @param offsetX columns to shift
   * @param flip whether to mirror left and right
   */
  record Placement(int offsetY, int offsetX, boolean flip) {
    /** The identity: no shift, no flip. */
    public static final Placement IDENTITY = new Placement(0, 0, false);
  }

  /** Draws the transform of one image. */
  Placement draw(SplittableRandom random, int height, int width);

  /** No augmentation (MNIST-likes, and every evaluation). */
  static Augmentation none() {
    return (random, height, width) -> Placement.IDENTITY;
  }

  /**
   * The standard CIFAR augmentation: a random {@code height x width} crop of the image padded
   * with {@code padding} zeros on each side, then a horizontal flip with probability 1/2.
   */
  static Augmentation cropAndFlip(int padding) {
    if (padding < 0) {
      throw new IllegalArgumentException("padding must not be negative: " + padding);
    }
    return (random, height, width) -> {
      int dy = random.nextInt(2 * padding + 1) - padding;
      int dx = random.nextInt(2 * padding + 1) - padding;
      return new Placement(dy, dx, random.nextBoolean());
    };
  }
}
