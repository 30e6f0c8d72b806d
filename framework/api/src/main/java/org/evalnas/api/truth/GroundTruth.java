package org.evalnas.api.truth;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.evalnas.api.space.Architecture;

/**
 * A tabular benchmark: the trained accuracy of the architectures of a space.
 *
 * <p>The runtime, not the policy, queries it: the search context does the budget accounting
 * (queries and simulated training time) like the benchmarks' own APIs. Implementations are
 * immutable and thread-safe once loaded.
 */
public interface GroundTruth {

  /** Where the data came from (a file or directory). */
  Path source();

  /** The metrics every record has. */
  Set<String> metrics();

  /** The metric policies search on (e.g. {@code cifar10_valid}). */
  String searchMetric();

  /** The metric chosen architectures are reported with (e.g. {@code cifar10_test}). */
  String reportMetric();

  /**
   * The record of an architecture, or empty when the benchmark does not cover it (a partial
   * table).
   */
  Optional<TruthRecord> lookup(Architecture architecture);

  /** Every architecture the benchmark covers, with its record. */
  List<TruthEntry> entries();
}
