package org.evalnas.space.nasbench101.truth;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import org.evalnas.api.InputException;
import org.evalnas.api.space.Architecture;
import org.evalnas.api.truth.GroundTruth;
import org.evalnas.api.truth.TruthEntry;
import org.evalnas.api.truth.TruthRecord;
import org.evalnas.space.nasbench101.Nb101Space;
import org.evalnas.space.nasbench101.tfrecord.BenchmarkQuery;
import org.evalnas.space.nasbench101.tfrecord.BenchmarkTable;

/**
 * Ground truth from the official benchmark file. A cell's record is the mean of its runs at the
 * file's largest epoch budget (108): {@code train_accuracy}, {@code validation_accuracy} and
 * {@code test_accuracy} in percent, {@code training_time} in seconds (also the record's
 * simulated cost) and {@code trainable_parameters}. Records are computed on lookup from the
 * table's columns, not kept. The runs themselves, with the official random-repeat query and
 * its budget counters, are in {@link #table()}.
 */
final class TableTruth implements GroundTruth {
  static final Set<String> METRICS = Set.of("train_accuracy", "validation_accuracy",
      "test_accuracy", "training_time", "trainable_parameters");

  private final Nb101Space space;
  private final BenchmarkTable table;
  private final int epochs;
  private final String searchMetric;
  private final String reportMetric;

  TableTruth(Nb101Space space, BenchmarkTable table, GroundTruthSettings settings) {
    this.space = space;
    this.table = table;
    this.epochs = table.largestBudget();
    this.searchMetric = requireMetric(settings, "search-metric", settings.searchMetric());
    this.reportMetric = requireMetric(settings, "report-metric", settings.reportMetric());
  }

  private String requireMetric(GroundTruthSettings settings, String key, String metric) {
    if (!METRICS.contains(metric)) {
      throw new InputException(table.source(), "key " + settings.configPath() + "." + key,
          "metric '" + metric + "' is not in this benchmark; available metrics: "
              + String.join(", ", new TreeSet<>(METRICS)));
    }
    return metric;
  }

  /** The runs behind the records. */
  BenchmarkTable table() {
    return table;
  }

  @Override
  public Path source() {
    return table.source();
  }

  @Override
  public Set<String> metrics() {
    return METRICS;
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
    OptionalInt cell = table.catalog().indexOf(architecture.id());
    if (cell.isEmpty() || table.runs(cell.getAsInt(), epochs) == 0) {
      return Optional.empty();
    }
    return Optional.of(record(cell.getAsInt()));
  }

  /** The metrics of every record, in the order {@link #record} gives their values. */
  private static final TruthRecord.Names NAMES =
      TruthRecord.Names.of(
          "train_accuracy", "validation_accuracy", "test_accuracy", "training_time", "trainable_parameters");

  private TruthRecord record(int cell) {
    BenchmarkQuery mean = table.mean(cell, epochs);
    // built on every query: no map, the names sorted once
    return NAMES.record(
        new double[] {
          mean.trainAccuracy() * 100,
          mean.validationAccuracy() * 100,
          mean.testAccuracy() * 100,
          mean.trainingTime(),
          (double) mean.trainableParameters()
        },
        mean.trainingTime());
  }

  @Override
  public List<TruthEntry> entries() {
    List<TruthEntry> entries = new ArrayList<>();
    for (int cell = 0; cell < table.catalog().size(); cell++) {
      if (table.runs(cell, epochs) > 0) {
        int c = cell;
        space.byHash(table.catalog().hash(cell))
            .ifPresent(a -> entries.add(new TruthEntry(a, record(c))));
      }
    }
    return List.copyOf(entries);
  }

  @Override
  public String toString() {
    return "nasbench101 ground truth (" + table.cellsCovered() + " cells, " + epochs
        + " epochs) from " + table.source();
  }
}
