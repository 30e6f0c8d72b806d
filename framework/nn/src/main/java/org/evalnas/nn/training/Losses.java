package org.evalnas.nn.training;

import ai.djl.ndarray.NDArray;

/** Loss functions on DJL arrays. */
public final class Losses {
  private Losses() {}

  /**
   * Mean softmax cross-entropy of {@code logits (n, classes)} against integer {@code labels
   * (n)}, with label smoothing: the target puts {@code 1 - smoothing + smoothing / classes} on
   * the label and {@code smoothing / classes} on every other class.
   */
  public static NDArray softmaxCrossEntropy(NDArray logits, NDArray labels, double smoothing) {
    int classes = Math.toIntExact(logits.getShape().get(1));
    NDArray logp = logits.logSoftmax(1);
    NDArray target = labels.oneHot(classes);
    if (smoothing > 0) {
      target = target.mul((float) (1 - smoothing)).add((float) (smoothing / classes));
    }
    return logp.mul(target).sum(new int[] {1}).neg().mean();
  }
}
