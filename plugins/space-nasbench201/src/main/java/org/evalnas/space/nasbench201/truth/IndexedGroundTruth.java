package org.evalnas.space.nasbench201.truth;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.evalnas.api.InputException;
import org.evalnas.api.space.Architecture;
import org.evalnas.api.truth.GroundTruth;
import org.evalnas.api.truth.TruthEntry;
import org.evalnas.api.truth.TruthRecord;
import org.evalnas.space.nasbench201.Nb201Space;

/**
 * A NAS-Bench-201 ground truth keyed by benchmark index. Lookups go by the architecture's
 * choices, not its canonical id: isomorphic cells were trained separately and have records of
 * their own.
 */
abstract class IndexedGroundTruth implements GroundTruth {
  protected final Nb201Space space;
  private final Path source;
  private final Set<String> metrics;
  private final String searchMetric;
  private final String reportMetric;

  IndexedGroundTruth(
      Nb201Space space, Path source, Set<String> metrics, GroundTruthSettings settings) {
    this.space = space;
    this.source = source;
    this.metrics = Set.copyOf(metrics);
    this.searchMetric = requireMetric(settings, "search-metric", settings.searchMetric());
    this.reportMetric = requireMetric(settings, "report-metric", settings.reportMetric());
  }

  private String requireMetric(GroundTruthSettings settings, String key, String metric) {
    if (!metrics.contains(metric)) {
      throw new InputException(
          source,
          "key " + settings.configPath() + "." + key,
          "metric '" + metric + "' is not in this benchmark; available metrics: "
              + String.join(", ", new TreeSet<>(metrics)));
    }
    return metric;
  }

  /** The record of a benchmark index, or empty when the source does not cover it. */
  abstract Optional<TruthRecord> record(int index);

  /** The covered indices, ascending. */
  abstract int[] coveredIndices();

  @Override
  public Path source() {
    return source;
  }

  @Override
  public Set<String> metrics() {
    return metrics;
  }

  @Override
  public String searchMetric() {
    return searchMetric;
  }

  @Override
  public String reportMetric() {
    return reportMetric;
  }

  @Override
  public Optional<TruthRecord> lookup(Architecture architecture) {
    return record(space.index(architecture));
  }

  @Override
  public List<TruthEntry> entries() {
    int[] indices = coveredIndices();
    List<TruthEntry> entries = new ArrayList<>(indices.length);
    for (int index : indices) {
      entries.add(new TruthEntry(space.architecture(index), record(index).orElseThrow()));
    }
    return List.copyOf(entries);
  }

  @Override
  public String toString() {
    return getClass().getSimpleName() + "(" + source + ")";
  }
}
