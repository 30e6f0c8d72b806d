package org.evalnas.space.nasbench101.truth;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.evalnas.api.InputException;
import org.evalnas.api.space.Architecture;
import org.evalnas.api.truth.GroundTruth;
import org.evalnas.api.truth.TruthEntry;
import org.evalnas.api.truth.TruthRecord;
import org.evalnas.space.nasbench101.Nb101Space;

/**
 * Ground truth held as one record per official hash. Lookups go by the architecture's id, so
 * every encoding of a cell, and every isomorphic cell, finds the same record; cells the source
 * does not cover (a partial table) find none. Immutable.
 */
final class HashedTruth implements GroundTruth {
  private final Path source;
  private final Map<String, TruthRecord> records;
  private final Set<String> metrics;
  private final String searchMetric;
  private final String reportMetric;
  private final List<TruthEntry> entries;

  HashedTruth(Nb101Space space, Path source, Map<String, TruthRecord> records,
      Set<String> metrics, GroundTruthSettings settings) {
    this.source = source;
    this.records = Map.copyOf(records);
    this.metrics = Set.copyOf(metrics);
    this.searchMetric = requireMetric(settings, "search-metric", settings.searchMetric());
    this.reportMetric = requireMetric(settings, "report-metric", settings.reportMetric());
    // the covered cells the space has, in the source's order (records iterates in it)
    List<TruthEntry> list = new ArrayList<>();
    for (Map.Entry<String, TruthRecord> e : records.entrySet()) {
      space.byHash(e.getKey()).ifPresent(a -> list.add(new TruthEntry(a, e.getValue())));
    }
    this.entries = List.copyOf(list);
  }

  private String requireMetric(GroundTruthSettings settings, String key, String metric) {
    if (!metrics.contains(metric)) {
      throw new InputException(source, "key " + settings.configPath() + "." + key,
          "metric '" + metric + "' is not in this benchmark; available metrics: "
              + String.join(", ", new TreeSet<>(metrics)));
    }
    return metric;
  }

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
    return Optional.ofNullable(records.get(architecture.id()));
  }

  @Override
  public List<TruthEntry> entries() {
    return entries;
  }

  /** The number of cells the source covers. */
  int coveredCells() {
    return records.size();
  }

  @Override
  public String toString() {
    return "nasbench101 ground truth (" + records.size() + " cells) from " + source;
  }
}
