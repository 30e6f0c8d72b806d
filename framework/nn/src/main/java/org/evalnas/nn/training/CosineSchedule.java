package org.evalnas.nn.training;

/**
 * A learning rate per step: a linear warm-up from {@code base / warmupSteps} to {@code base}
 * over the first {@code warmupSteps} steps, then a cosine from {@code base} to {@code min} over
 * the remaining steps (reaching {@code min} after the last step).
 *
 * @param base the peak learning rate
 * @param min the final learning rate
 * @param warmupSteps steps of warm-up, 0 for none
 * @param totalSteps all steps of the run
 */
public record CosineSchedule(double base, double min, long warmupSteps, long totalSteps) {

  public CosineSchedule {
    if (totalSteps < 1 || warmupSteps < 0 || warmupSteps >= totalSteps) {
      throw new IllegalArgumentException(
          "need 0 <= warm-up steps < total steps, got " + warmupSteps + " and " + totalSteps);
    }
  }

  /** The learning rate of step {@code step} (0-based). */
  public double at(long step) {
    if (step < warmupSteps) {
      return base * (step + 1) / warmupSteps;
    }
    double progress = (double) (step - warmupSteps) / (totalSteps - warmupSteps);
    return min + 0.5 * (base - min) * (1 + Math.cos(Math.PI * Math.min(1, progress)));
  }
}
