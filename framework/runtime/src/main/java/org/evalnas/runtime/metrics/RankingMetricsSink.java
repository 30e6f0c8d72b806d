package org.evalnas.runtime.metrics;

import org.evalnas.runtime.protocol.CellKey;
import org.evalnas.runtime.ranking.RankingReport;

/**
 * Where a weight-sharing cell reports how well its supernet ranks the evaluation sample at an
 * evaluation epoch (Kendall tau and friends, see {@link RankingReport}). Backend-free;
 * {@link MicrometerRankingMetrics} records it.
 */
public interface RankingMetricsSink {

  /** Ignores everything (metrics off). */
  RankingMetricsSink NONE = (cell, epoch, report) -> {};

  /** The supernet of {@code cell} was compared with the ground truth after {@code epoch}. */
  void evaluated(CellKey cell, int epoch, RankingReport report);
}
