package org.evalnas.runtime.protocol;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.evalnas.api.truth.GroundTruth;
import org.evalnas.api.truth.TruthEntry;
import org.evalnas.runtime.results.CellResult.ChosenArchitecture;
import org.evalnas.runtime.stats.SpaceDistribution;

/**
 * The whole space's ground truth by the report metric: its best architecture and the
 * distribution chosen architectures are ranked in.
 *
 * @param best the best architecture and its accuracy
 * @param distribution every covered architecture's report value
 */
record SpaceReference(ChosenArchitecture best, SpaceDistribution distribution) {

  static Optional<SpaceReference> of(Optional<GroundTruth> truth) {
    if (truth.isEmpty()) {
      return Optional.empty();
    }
    GroundTruth gt = truth.get();
    String metric = gt.reportMetric();
    List<TruthEntry> entries = gt.entries();
    double[] values = new double[entries.size()];
    TruthEntry best = null;
    double bestValue = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < values.length; i++) {
      TruthEntry e = entries.get(i);
      values[i] = e.record().metric(metric).orElse(Double.NaN);
      // strictly greater: among equals the first entry (the benchmark's order) is the best
      if (values[i] > bestValue) {
        bestValue = values[i];
        best = e;
      }
    }
    if (best == null) {
      return Optional.empty();
    }
    double[] finite = Arrays.stream(values).filter(Double::isFinite).toArray();
    return Optional.of(
        new SpaceReference(
            new ChosenArchitecture(
                best.architecture().id(),
                best.architecture().label(),
                best.architecture().choices(),
                bestValue),
            SpaceDistribution.of(finite)));
  }
}
