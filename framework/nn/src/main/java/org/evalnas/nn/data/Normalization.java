package org.evalnas.nn.data;

import java.util.Arrays;

/**
 * Per-channel normalization of pixels scaled to [0, 1]: {@code (pixel / 255 - mean) / std}.
 */
public final class Normalization {
  private final float[] mean;
  private final float[] std;
  private final float[] scale;
  private final float[] shift;

  /**
   * @param mean per-channel mean of pixels in [0, 1]
   * @param std per-channel standard deviation, each above 0
   */
  public Normalization(float[] mean, float[] std) {
    if (mean.length != std.length || mean.length == 0) {
      throw new IllegalArgumentException(
          "mean and std need one value per channel: " + Arrays.toString(mean) + ", "
              + Arrays.toString(std));
    }
    this.mean = mean.clone();
    this.std = std.clone();
    this.scale = new float[mean.length];
    this.shift = new float[mean.length];
    for (int c = 0; c < mean.length; c++) {
      if (!(std[c] > 0)) {
        throw new IllegalArgumentException("std of channel " + c + " is " + std[c]);
      }
      scale[c] = 1f / (255f * std[c]);
      shift[c] = -mean[c] / std[c];
    }
  }

  /** Pixels scaled to [0, 1] and nothing else. */
  public static Normalization unit(int channels) {
    float[] zero = new float[channels];
    float[] one = new float[channels];
    Arrays.fill(one, 1f);
    return new Normalization(zero, one);
  }

  /** Number of channels. */
  public int channels() {
    return mean.length;
  }

  /** The normalized value of a pixel (0..255) of channel {@code c}. */
  public float apply(int c, int pixel) {
    return pixel * scale[c] + shift[c];
  }

  /**
   * The normalized values of the 256 pixel values of channel {@code c}: {@code table(c)[p]} is
   * {@code apply(c, p)}, bit for bit.
   */
  public float[] table(int c) {
    float[] t = new float[256];
    for (int p = 0; p < 256; p++) {
      t[p] = apply(c, p);
    }
    return t;
  }

  @Override
  public String toString() {
    return "mean " + Arrays.toString(mean) + ", std " + Arrays.toString(std);
  }
}
