package org.evalnas.nn.supernet;

/**
 * How the batch-norm layers of one supernet update their running statistics, shared by all of
 * them: normally an exponential average; while recalibrating for one architecture, the
 * cumulative mean of the recalibration batches (batch {@code i} is kept with weight {@code
 * 1/(i+1)}), so the statistics are those of that architecture alone.
 */
public final class BatchNormMode {
  /**
   * The share of the running statistics a training batch keeps (DJL's momentum): PyTorch's
   * default update of 0.1, as the standalone networks use.
   */
  public static final float TRAINING_MOMENTUM = 0.9f;

  private float momentum = TRAINING_MOMENTUM;

  /** The momentum the next training-mode batch uses. */
  public float momentum() {
    return momentum;
  }

  /** Before recalibration batch {@code index} (0-based): weight the statistics cumulatively. */
  public void cumulativeBatch(int index) {
    momentum = 1f - 1f / (index + 1);
  }

  /** Back to the training update. */
  public void training() {
    momentum = TRAINING_MOMENTUM;
  }
}
