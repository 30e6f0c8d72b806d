package org.evalnas.runtime.metrics;

import org.evalnas.runtime.protocol.CellKey;

/**
 * What training code (a supernet or a train-from-scratch evaluator) reports as it trains. It
 * knows nothing of the metrics backend; {@link MicrometerTrainingMetrics} records it.
 * Implementations are thread-safe; a cell calls them from its own thread.
 */
public interface TrainingMetrics {

  /** Ignores everything (metrics off). */
  TrainingMetrics NONE = new TrainingMetrics() {};

  /** One optimization step finished. */
  default void stepFinished(CellKey cell, Step step) {}

  /** One epoch finished. */
  default void epochFinished(CellKey cell, Epoch epoch) {}

  /**
   * One training step.
   *
   * @param epoch the epoch it belongs to (0-based or 1-based, as the trainer counts)
   * @param seconds its wall-clock duration
   * @param images images it processed (the batch size)
   * @param loss its training loss
   * @param learningRate the learning rate it used
   */
  record Step(int epoch, double seconds, int images, double loss, double learningRate) {}

  /**
   * One training epoch.
   *
   * @param epoch the epoch
   * @param trainAccuracy training accuracy over the epoch, percent (NaN if not measured)
   * @param validationAccuracy validation accuracy after it, percent (NaN if not measured)
   */
  record Epoch(int epoch, double trainAccuracy, double validationAccuracy) {}
}
