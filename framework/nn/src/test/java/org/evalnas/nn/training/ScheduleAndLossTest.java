package org.evalnas.nn.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

class ScheduleAndLossTest {

  @Test
  void warmupThenCosine() {
    CosineSchedule s = new CosineSchedule(0.1, 0.001, 4, 14);
    assertThat(s.at(0)).isEqualTo(0.025);
    assertThat(s.at(3)).isEqualTo(0.1);
    assertThat(s.at(4)).isEqualTo(0.1);
    assertThat(s.at(9)).isEqualTo(0.001 + 0.5 * 0.099, within(1e-12));
    assertThat(s.at(14)).isEqualTo(0.001, within(1e-12));
    assertThat(new CosineSchedule(1, 0, 0, 2).at(1)).isEqualTo(0.5, within(1e-12));
    assertThatThrownBy(() -> new CosineSchedule(1, 0, 3, 3)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void crossEntropyWithLabelSmoothing() {
    float[] logits = {1f, 2f, 0.5f, -1f, 0f, 3f};
    int[] labels = {1, 2};
    for (double eps : new double[] {0, 0.1}) {
      double expected = 0;
      for (int r = 0; r < 2; r++) {
        double z = 0;
        for (int k = 0; k < 3; k++) {
          z += Math.exp(logits[r * 3 + k]);
        }
        for (int k = 0; k < 3; k++) {
          double logp = logits[r * 3 + k] - Math.log(z);
          double target = (k == labels[r] ? 1 - eps : 0) + eps / 3;
          expected -= target * logp / 2;
        }
      }
      try (NDManager m = Engine.getInstance().newBaseManager()) {
        float actual =
            Losses.softmaxCrossEntropy(m.create(logits, new Shape(2, 3)), m.create(labels), eps).getFloat();
        assertThat((double) actual).as("eps %s", eps).isEqualTo(expected, within(1e-6));
      }
    }
  }

  @Test
  void optionsAreChecked() {
    TrainingOptions.Builder ok = TrainingOptions.builder().setEpochs(2).setBatchSize(8).setLearningRate(0.1);
    assertThat(ok.build().momentum()).isEqualTo(0.9);
    assertThat(ok.build().withSeed(7).seed()).isEqualTo(7);
    assertThat(ok.build().toBuilder().build().toString()).isEqualTo(ok.build().toString());
    assertThatThrownBy(() -> TrainingOptions.builder().setBatchSize(8).setLearningRate(0.1).build())
        .hasMessageContaining("epochs must be at least 1");
    assertThatThrownBy(() -> ok.optWarmupEpochs(2).build()).hasMessageContaining("warm-up");
    assertThatThrownBy(() -> ok.optWarmupEpochs(0).optMomentum(0).optNesterov(true).build())
        .hasMessageContaining("Nesterov");
    assertThatThrownBy(() -> ok.optNesterov(false).optLabelSmoothing(1).build())
        .hasMessageContaining("label smoothing");
  }
}
