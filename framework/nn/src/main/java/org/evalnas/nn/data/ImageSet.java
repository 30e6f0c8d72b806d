package org.evalnas.nn.data;

import java.util.Arrays;

/**
 * Labelled images in memory: {@code size} images of {@code channels x height x width} bytes
 * each, channel-major (all of channel 0, then channel 1, ...), and one label per image.
 *
 * <p>Immutable: the arrays are copied in and never handed out.
 */
public final class ImageSet {
  private final byte[] pixels;
  private final byte[] labels;
  private final int channels;
  private final int height;
  private final int width;
  private final int classes;

  /**
   * @param pixels {@code labels.length * channels * height * width} bytes
   * @param labels one label per image, each in {@code [0, classes)}
   */
  public ImageSet(byte[] pixels, byte[] labels, int channels, int height, int width, int classes) {
    this(pixels.clone(), labels.clone(), channels, height, width, classes, true);
  }

  private ImageSet(
      byte[] pixels, byte[] labels, int channels, int height, int width, int classes, boolean owned) {
    if (channels < 1 || height < 1 || width < 1 || classes < 1) {
      throw new IllegalArgumentException(
          "bad image geometry " + channels + "x" + height + "x" + width + ", " + classes
              + " classes");
    }
    long expected = (long) labels.length * channels * height * width;
    if (pixels.length != expected) {
      throw new IllegalArgumentException(
          pixels.length + " pixel bytes for " + labels.length + " images of " + channels + "x"
              + height + "x" + width + " (expected " + expected + ")");
    }
    for (int i = 0; i < labels.length; i++) {
      if (Byte.toUnsignedInt(labels[i]) >= classes) {
        throw new IllegalArgumentException(
            "label " + Byte.toUnsignedInt(labels[i]) + " of image " + i + " is not below "
                + classes);
      }
    }
    this.pixels = pixels;
    this.labels = labels;
    this.channels = channels;
    this.height = height;
    this.width = width;
    this.classes = classes;
  }

  /** Takes the arrays without copying them; for readers that made them and let go. */
  static ImageSet wrap(byte[] pixels, byte[] labels, int channels, int height, int width, int classes) {
    return new ImageSet(pixels, labels, channels, height, width, classes, true);
  }

  /** Number of images. */
  public int size() {
    return labels.length;
  }

  /** Channels per image (1 for MNIST-likes, 3 for CIFAR). */
  public int channels() {
    return channels;
  }

  /** Image height in pixels. */
  public int height() {
    return height;
  }

  /** Image width in pixels. */
  public int width() {
    return width;
  }

  /** Number of classes; labels are in {@code [0, classes)}. */
  public int classes() {
    return classes;
  }

  /** Bytes per image: {@code channels * height * width}. */
  public int imageBytes() {
    return channels * height * width;
  }

  /** The label of image {@code index}. */
  public int label(int index) {
    return Byte.toUnsignedInt(labels[index]);
  }

  /** The pixel (0..255) of image {@code index} at channel {@code c}, row {@code y}, column {@code x}. */
  public int pixel(int index, int c, int y, int x) {
    return Byte.toUnsignedInt(pixels[index * imageBytes() + (c * height + y) * width + x]);
  }

  /** The images at {@code indices}, in that order. */
  public ImageSet subset(int[] indices) {
    int bytes = imageBytes();
    byte[] p = new byte[indices.length * bytes];
    byte[] l = new byte[indices.length];
    for (int i = 0; i < indices.length; i++) {
      System.arraycopy(pixels, indices[i] * bytes, p, i * bytes, bytes);
      l[i] = labels[indices[i]];
    }
    return wrap(p, l, channels, height, width, classes);
  }

  /** The first {@code n} images (all of them when there are fewer). */
  public ImageSet head(int n) {
    int[] indices = new int[Math.min(n, size())];
    Arrays.setAll(indices, i -> i);
    return subset(indices);
  }

  /** Shares the pixel bytes with the batcher of this package, without a copy. */
  byte[] pixelsUnsafe() {
    return pixels;
  }

  @Override
  public String toString() {
    return size() + " images of " + channels + "x" + height + "x" + width + ", " + classes
        + " classes";
  }
}
