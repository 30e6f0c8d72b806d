package org.evalnas.runtime.metrics;

import org.evalnas.nn.training.EpochMetrics;
import org.evalnas.nn.training.StepMetrics;
import org.evalnas.nn.training.TrainingListener;
import org.evalnas.nn.training.TrainingListenerAdapter;
import org.evalnas.runtime.protocol.CellKey;

/** Turns a training session's events into a cell's {@link TrainingMetrics}. */
public final class TrainingMetricsListener {
  private TrainingMetricsListener() {}

  /**
   * A listener that reports {@code cell}'s steps (loss, learning rate, time, images) and
   * epochs (train and validation accuracy in percent).
   */
  public static TrainingListener of(TrainingMetrics metrics, CellKey cell) {
    if (metrics == TrainingMetrics.NONE) {
      return TrainingListener.none();
    }
    return new TrainingListenerAdapter() {
      @Override
      public void onStep(StepMetrics step) {
        metrics.stepFinished(
            cell, new TrainingMetrics.Step(step.epoch(), step.seconds(), step.images(), step.loss(), step.learningRate()));
      }

      @Override
      public void onEpochEnd(EpochMetrics epoch) {
        metrics.epochFinished(
            cell, new TrainingMetrics.Epoch(epoch.epoch(), 100 * epoch.trainAccuracy(), 100 * epoch.validationAccuracy()));
      }
    };
  }
}
