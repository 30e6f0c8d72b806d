package org.evalnas.nn.supernet;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;
import org.evalnas.api.space.Architecture;
import org.evalnas.nn.data.ImageSet;
import org.evalnas.nn.training.TrainingSession;

/**
 * Scores architectures with a supernet's shared weights: the architecture's path is activated
 * and its accuracy measured on the validation images with batch norm in inference mode, so the
 * score of an image does not depend on the batch it is in (the seed paper kept batch norm in
 * training mode, which made its scores depend on the evaluation batch size).
 *
 * <p>With recalibration, the batch-norm statistics are first recomputed for the architecture
 * alone, as the cumulative mean over the first {@code recalibrationBatches} training batches;
 * the supernet's own statistics are restored afterwards, so scoring changes nothing.
 */
public final class SharedWeightEvaluator {
  private final TrainingSession session;
  private final Supernet supernet;
  private final ImageSet validation;
  private final ImageSet recalibration;
  private final int recalibrationBatches;

  /**
   * @param session the session training the supernet's block
   * @param recalibration the images to recalibrate batch norm on (the training images)
   * @param recalibrationBatches batches of them per architecture; 0 for no recalibration
   */
  public SharedWeightEvaluator(
      TrainingSession session,
      Supernet supernet,
      ImageSet validation,
      ImageSet recalibration,
      int recalibrationBatches) {
    if (recalibrationBatches < 0) {
      throw new IllegalArgumentException("recalibration batches must be >= 0, got " + recalibrationBatches);
    }
    this.session = session;
    this.supernet = supernet;
    this.validation = validation;
    this.recalibration = recalibration;
    this.recalibrationBatches = recalibrationBatches;
  }

  /** The validation accuracy of {@code architecture} with the shared weights, percent. */
  public double accuracy(Architecture architecture) {
    supernet.activate(architecture);
    if (recalibrationBatches == 0) {
      return 100 * session.evaluate(validation);
    }
    List<Pair<NDArray, float[]>> statistics = statistics();
    try {
      for (Pair<NDArray, float[]> s : statistics) {
        s.getKey().set(FloatBuffer.wrap(new float[s.getValue().length]));
      }
      session.forwardInTrainingMode(
          recalibration, recalibrationBatches, i -> supernet.batchNorm().cumulativeBatch(i));
      return 100 * session.evaluate(validation);
    } finally {
      supernet.batchNorm().training();
      for (Pair<NDArray, float[]> s : statistics) {
        s.getKey().set(FloatBuffer.wrap(s.getValue()));
      }
    }
  }

  /** The running statistics of every batch-norm layer with a copy of their values. */
  private List<Pair<NDArray, float[]>> statistics() {
    List<Pair<NDArray, float[]>> all = new ArrayList<>();
    for (Pair<String, Parameter> p : session.block().getParameters()) {
      Parameter.Type type = p.getValue().getType();
      if (type == Parameter.Type.RUNNING_MEAN || type == Parameter.Type.RUNNING_VAR) {
        NDArray array = p.getValue().getArray();
        all.add(new Pair<>(array, array.toFloatArray()));
      }
    }
    return all;
  }
}
