package org.evalnas.api.truth;

import java.util.Map;
import java.util.OptionalDouble;

/**
 * What a benchmark knows of one architecture.
 *
 * @param metrics metric name to value, accuracies in percent (e.g. {@code cifar10_valid})
 * @param trainingSeconds the simulated cost of querying it (the benchmark's training time), or
 *     {@code NaN} when the benchmark does not record one
 */
public record TruthRecord(Map<String, Double> metrics, double trainingSeconds) {

  public TruthRecord {
    metrics = Map.copyOf(metrics);
  }

  /** The value of a metric, if recorded. */
  public OptionalDouble metric(String name) {
    Double v = metrics.get(name);
    return v == null ? OptionalDouble.empty() : OptionalDouble.of(v);
  }
}
