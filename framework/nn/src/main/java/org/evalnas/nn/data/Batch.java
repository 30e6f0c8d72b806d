package org.evalnas.nn.data;

import ai.djl.ndarray.NDArray;

/**
 * One batch on a device: images {@code (n, channels, height, width)} as float32 and labels
 * {@code (n)} as int32, owned by the manager they were made in (close that manager, or the
 * batch, when the step is done).
 *
 * @param images the normalized, augmented images
 * @param labels the labels
 * @param labelValues the labels on the host, for counting correct predictions
 */
public record Batch(NDArray images, NDArray labels, int[] labelValues) implements AutoCloseable {

  /** Number of images. */
  public int size() {
    return labelValues.length;
  }

  /** Frees both arrays. */
  @Override
  public void close() {
    images.close();
    labels.close();
  }
}
