package org.evalnas.nn.training;

/**
 * Hears what a {@link TrainingSession} does: progress bars, logs and metrics (a metrics
 * backend adapts this interface; the training code knows none). Called on the training thread;
 * keep it cheap. Extend {@link TrainingListenerAdapter} to hear only some events.
 */
public interface TrainingListener {

  /** Before the first step of a run, or of a resumed run. */
  void onTrainingStart(TrainingStart start);

  /** Before the first step of an epoch. */
  void onEpochStart(int epoch, double learningRate);

  /** After each step. */
  void onStep(StepMetrics step);

  /** After the last step of an epoch and its validation. */
  void onEpochEnd(EpochMetrics epoch);

  /** After the last epoch. */
  void onTrainingEnd(EpochMetrics last);

  /** A listener that hears nothing. */
  static TrainingListener none() {
    return new TrainingListenerAdapter() {};
  }

  /** A listener that tells {@code first}, then {@code second}. */
  static TrainingListener both(TrainingListener first, TrainingListener second) {
    return new TrainingListener() {
      @Override
      public void onTrainingStart(TrainingStart start) {
        first.onTrainingStart(start);
        second.onTrainingStart(start);
      }

      @Override
      public void onEpochStart(int epoch, double learningRate) {
        first.onEpochStart(epoch, learningRate);
        second.onEpochStart(epoch, learningRate);
      }

      @Override
      public void onStep(StepMetrics step) {
        first.onStep(step);
        second.onStep(step);
      }

      @Override
      public void onEpochEnd(EpochMetrics epoch) {
        first.onEpochEnd(epoch);
        second.onEpochEnd(epoch);
      }

      @Override
      public void onTrainingEnd(EpochMetrics last) {
        first.onTrainingEnd(last);
        second.onTrainingEnd(last);
      }
    };
  }
}
