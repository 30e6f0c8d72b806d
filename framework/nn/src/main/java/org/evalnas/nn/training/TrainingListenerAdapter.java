package org.evalnas.nn.training;

/** A {@link TrainingListener} whose methods do nothing; override the ones you need. */
public abstract class TrainingListenerAdapter implements TrainingListener {

  @Override
  public void onTrainingStart(TrainingStart start) {}

  @Override
  public void onEpochStart(int epoch, double learningRate) {}

  @Override
  public void onStep(StepMetrics step) {}

  @Override
  public void onEpochEnd(EpochMetrics epoch) {}

  @Override
  public void onTrainingEnd(EpochMetrics last) {}
}
