package org.evalnas.runtime.report;

import java.util.List;
import org.evalnas.runtime.results.CellResult.ChosenArchitecture;

/**
 * The summary of an experiment's results.
 *
 * @param experiment its name
 * @param space the space
 * @param searchMetric the metric policies searched on
 * @param reportMetric the metric choices are reported with
 * @param best the best architecture of the space by the report metric, or null if unknown
 * @param rows one per policy, the baseline first
 * @param failures cells that failed: their directory and first error line
 * @param weightSharing the ranking study of the weight-sharing cells (empty without them)
 */
public record ExperimentSummary(
    String experiment,
    String space,
    String searchMetric,
    String reportMetric,
    ChosenArchitecture best,
    List<PolicySummary> rows,
    List<String> failures,
    WeightSharingSummary weightSharing) {}
