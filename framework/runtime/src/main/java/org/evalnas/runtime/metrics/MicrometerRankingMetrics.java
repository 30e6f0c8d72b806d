package org.evalnas.runtime.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.evalnas.runtime.metrics.MeterScope.Value;
import org.evalnas.runtime.protocol.CellKey;
import org.evalnas.runtime.ranking.RankingReport;

/**
 * Records {@link RankingMetricsSink} reports as the {@code evalnas_ranking_*} gauges of the
 * catalog: each holds the value of the latest evaluation epoch, so Prometheus's history of it
 * is the curve over epochs. {@link #close()} removes them.
 */
public final class MicrometerRankingMetrics implements RankingMetricsSink, AutoCloseable {
  private final MeterScope scope;
  private final ConcurrentMap<CellKey, CellMeters> cells = new ConcurrentHashMap<>();

  public MicrometerRankingMetrics(MeterRegistry registry, String experiment, String space) {
    scope = new MeterScope(registry, experiment, space);
  }

  @Override
  public void evaluated(CellKey cell, int epoch, RankingReport r) {
    CellMeters m = cells.computeIfAbsent(cell, c -> new CellMeters(scope, scope.cell(c)));
    m.epoch.set(epoch);
    m.sampleSize.set(r.n());
    m.kendallTau.set(r.kendallTau());
    m.spearmanRho.set(r.spearmanRho());
    m.sparseKendallTau.set(r.sparseKendallTau());
    m.topKendallTau.set(r.topKendallTau());
    m.trueRankOfTop.set(r.trueRankOfPredictedTop());
    for (Map.Entry<Integer, Double> e : r.precisionAtK().entrySet()) {
      m.precisionAtK
          .computeIfAbsent(
              e.getKey(),
              k -> {
                Value v = new Value(Double.NaN);
                scope.gauge(MetricCatalog.RANKING_PRECISION_AT_K, m.tags.and("k", Integer.toString(k)), v);
                return v;
              })
          .set(e.getValue());
    }
  }

  @Override
  public void close() {
    scope.close();
  }

  private static final class CellMeters {
    final Tags tags;
    final Value epoch = new Value(Double.NaN);
    final Value sampleSize = new Value(Double.NaN);
    final Value kendallTau = new Value(Double.NaN);
    final Value spearmanRho = new Value(Double.NaN);
    final Value sparseKendallTau = new Value(Double.NaN);
    final Value topKendallTau = new Value(Double.NaN);
    final Value trueRankOfTop = new Value(Double.NaN);
    final ConcurrentMap<Integer, Value> precisionAtK = new ConcurrentHashMap<>();

    CellMeters(MeterScope scope, Tags tags) {
      this.tags = tags;
      scope.gauge(MetricCatalog.RANKING_EPOCH, tags, epoch);
      scope.gauge(MetricCatalog.RANKING_SAMPLE_SIZE, tags, sampleSize);
      scope.gauge(MetricCatalog.RANKING_KENDALL_TAU, tags, kendallTau);
      scope.gauge(MetricCatalog.RANKING_SPEARMAN_RHO, tags, spearmanRho);
      scope.gauge(MetricCatalog.RANKING_SPARSE_KENDALL_TAU, tags, sparseKendallTau);
      scope.gauge(MetricCatalog.RANKING_TOP_KENDALL_TAU, tags, topKendallTau);
      scope.gauge(MetricCatalog.RANKING_TRUE_RANK_OF_TOP, tags, trueRankOfTop);
    }
  }
}
