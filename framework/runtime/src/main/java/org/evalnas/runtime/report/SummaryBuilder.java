package org.evalnas.runtime.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.evalnas.api.InputException;
import org.evalnas.runtime.config.ExperimentSettings;
import org.evalnas.runtime.results.CellErrorFile;
import org.evalnas.runtime.results.CellResult;
import org.evalnas.runtime.results.CellResultCodec;
import org.evalnas.runtime.results.ResultLayout;
import org.evalnas.runtime.stats.PolicyStatistics;
import org.evalnas.runtime.stats.RandomComparison;

/** Reads every cell result of an output directory and summarizes it per policy. */
public final class SummaryBuilder {
  private SummaryBuilder() {}

  /**
   * Summarizes the results under {@code output}.
   *
   * @throws InputException when there are no results, or results of different experiments
   */
  public static ExperimentSummary build(Path output) {
    return summarize(results(output), failures(output));
  }

  /**
   * Reads every cell result under {@code output}, sorted by path.
   *
   * @throws InputException when there are no results, or results of different experiments
   */
  public static List<CellResult> results(Path output) {
    List<Path> files = ResultLayout.resultFiles(output);
    if (files.isEmpty()) {
      throw new InputException(output, null, "no cell results (*/seed-*/result.json) here");
    }
    List<CellResult> results = new ArrayList<>();
    for (Path f : files) {
      CellResult r = CellResultCodec.read(f);
      if (!results.isEmpty() && !results.get(0).experiment().equals(r.experiment())) {
        throw new InputException(
            f, null, "belongs to experiment " + r.experiment() + ", not " + results.get(0).experiment());
      }
      results.add(r);
    }
    return results;
  }

  /**
   * Summarizes results already in memory (those a run just wrote or read), with the failed
   * cells' lines.
   */
  public static ExperimentSummary summarize(List<CellResult> results, List<String> failures) {
    if (results.isEmpty()) {
      throw new IllegalArgumentException("no finished cells to summarize");
    }
    Map<String, List<CellResult>> byPolicy = new TreeMap<>();
    for (CellResult r : results) {
      byPolicy.computeIfAbsent(r.policy(), k -> new ArrayList<>()).add(r);
    }
    CellResult first = results.get(0);
    double[] random = accuracies(byPolicy.getOrDefault(ExperimentSettings.BASELINE, List.of()));
    List<String> order = new ArrayList<>(byPolicy.keySet());
    // the baseline's row first, the others by name
    order.sort(Comparator.comparing((String p) -> !p.equals(ExperimentSettings.BASELINE)).thenComparing(p -> p));
    List<PolicySummary> rows = order.stream().map(policy -> row(policy, byPolicy.get(policy), random)).toList();
    return new ExperimentSummary(
        first.experiment(),
        first.space(),
        first.searchMetric(),
        first.reportMetric(),
        first.best(),
        rows,
        failures,
        WeightSharingSummary.of(results));
  }

  private static PolicySummary row(String policy, List<CellResult> cells, double[] random) {
    // the statistics see seeds in order, whatever order the cells finished in
    cells.sort(Comparator.comparingLong(CellResult::seed));
    double[] acc = accuracies(cells);
    return new PolicySummary(
        policy,
        PolicyStatistics.of(acc),
        mean(cells.stream().mapToDouble(CellResult::rankPercentile).toArray()),
        mean(cells.stream().mapToDouble(CellResult::regret).toArray()),
        random.length == 0 ? Double.NaN : RandomComparison.pBeatRandom(acc, random),
        random.length == 0 ? Double.NaN : RandomComparison.mannWhitneyP(acc, random),
        mean(cells.stream().mapToDouble(CellResult::queriesUsed).toArray()));
  }

  private static double[] accuracies(List<CellResult> cells) {
    return cells.stream().mapToDouble(CellResult::accuracy).toArray();
  }

  private static double mean(double[] values) {
    double sum = 0;
    for (double v : values) {
      sum += v;
    }
    return values.length == 0 ? Double.NaN : sum / values.length;
  }

  /** The failed cells under {@code output}: directory and first error line. */
  public static List<String> failures(Path output) {
    List<String> out = new ArrayList<>();
    for (Path f : ResultLayout.errorFiles(output)) {
      out.add(output.relativize(f.getParent()) + ": " + CellErrorFile.reason(f));
    }
    return out;
  }
}
