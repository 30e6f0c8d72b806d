package org.evalnas.runtime.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.Map;
import org.evalnas.runtime.protocol.CellKey;
import org.evalnas.runtime.ranking.RankingMetrics;
import org.evalnas.runtime.ranking.RankingOptions;
import org.evalnas.runtime.ranking.RankingReport;
import org.junit.jupiter.api.Test;

/** The producers later stages call, fed real values and read back from the exposition. */
class TrainingAndRankingMetricsTest {
  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final CellKey cell = new CellKey("spos", 3);
  private final Map<String, String> labels =
      Map.of("experiment", "ws", "space", "nasbench201", "policy", "spos", "seed", "3");

  private Samples scrape() {
    return Samples.parse(registry.scrape(MetricsServer.CONTENT_TYPE));
  }

  @Test
  void trainingStepsAndEpochs() {
    try (MicrometerTrainingMetrics training = new MicrometerTrainingMetrics(registry, "ws", "nasbench201")) {
      TrainingMetrics producer = training; // what training code holds
      producer.stepFinished(cell, new TrainingMetrics.Step(1, 0.25, 64, 2.30, 0.025));
      producer.stepFinished(cell, new TrainingMetrics.Step(1, 0.50, 64, 1.75, 0.0248));
      producer.epochFinished(cell, new TrainingMetrics.Epoch(1, 41.5, 38.25));
      Samples s = scrape();
      assertThat(s.value("evalnas_training_loss", labels)).isEqualTo(1.75);
      assertThat(s.value("evalnas_training_learning_rate", labels)).isEqualTo(0.0248);
      assertThat(s.value("evalnas_training_images_per_second", labels)).isEqualTo(128.0);
      assertThat(s.value("evalnas_training_epoch", labels)).isEqualTo(1);
      assertThat(s.value("evalnas_training_steps_total", labels)).isEqualTo(2);
      assertThat(s.value("evalnas_training_step_seconds_count", labels)).isEqualTo(2);
      assertThat(s.value("evalnas_training_step_seconds_sum", labels)).isCloseTo(0.75, within(1e-9));
      assertThat(s.value("evalnas_training_step_seconds_max", labels)).isCloseTo(0.5, within(1e-9));
      assertThat(s.value("evalnas_training_accuracy", Map.of("split", "train", "seed", "3"))).isEqualTo(41.5);
      assertThat(s.value("evalnas_training_accuracy", Map.of("split", "validation", "seed", "3"))).isEqualTo(38.25);
    }
    assertThat(scrape().all()).isEmpty();
  }

  @Test
  void rankingPerEvaluationEpoch() {
    double[] supernet = {0.1, 0.4, 0.35, 0.8, 0.7, 0.2, 0.9, 0.5};
    double[] truth = {70.1, 80.2, 79.0, 91.3, 92.0, 72.5, 93.1, 85.0};
    RankingReport report = RankingMetrics.compare(supernet, truth, new RankingOptions(java.util.List.of(1, 3, 5), 0.5, 0.1));
    try (MicrometerRankingMetrics ranking = new MicrometerRankingMetrics(registry, "ws", "nasbench201")) {
      RankingMetricsSink sink = ranking;
      sink.evaluated(cell, 10, report);
      Samples s = scrape();
      assertThat(s.value("evalnas_ranking_epoch", labels)).isEqualTo(10);
      assertThat(s.value("evalnas_ranking_kendall_tau", labels)).isEqualTo(report.kendallTau());
      assertThat(report.kendallTau()).isGreaterThan(0.7);
      assertThat(s.value("evalnas_ranking_spearman_rho", labels)).isEqualTo(report.spearmanRho());
      assertThat(s.value("evalnas_ranking_sparse_kendall_tau", labels)).isEqualTo(report.sparseKendallTau());
      assertThat(s.value("evalnas_ranking_sample_size", labels)).isEqualTo(8);
      assertThat(s.value("evalnas_ranking_true_rank_of_top", labels)).isEqualTo(report.trueRankOfPredictedTop());
      for (Map.Entry<Integer, Double> e : report.precisionAtK().entrySet()) {
        assertThat(s.value("evalnas_ranking_precision_at_k", Map.of("k", e.getKey().toString()))).isEqualTo(e.getValue());
      }
    }
  }
}
