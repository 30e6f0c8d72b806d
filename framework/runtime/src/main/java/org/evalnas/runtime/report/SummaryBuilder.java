package org.evalnas.runtime.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.evalnas.api.InputException;
import org.evalnas.runtime.config.ExperimentSettings;
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
    List<Path> files = ResultLayout.resultFiles(output);
    if (files.isEmpty()) {
      throw new InputException(output, null, "no cell results (*/seed-*/result.json) here");
    }
    Map<String, List<CellResult>> byPolicy = new TreeMap<>();
    CellResult first = null;
    for (Path f : files) {
      CellResult r = CellResultCodec.read(f);
      if (first == null) {
        first = r;
      } else if (!first.experiment().equals(r.experiment()) || !first.space().equals(r.space())) {
        throw new InputException(
            f, null, "belongs to experiment " + r.experiment() + ", not " + first.experiment());
      }
      byPolicy.computeIfAbsent(r.policy(), k -> new ArrayList<>()).add(r);
    }
    double[] random = accuracies(byPolicy.getOrDefault(ExperimentSettings.BASELINE, List.of()));
    List<PolicySummary> rows = new ArrayList<>();
    List<String> order = new ArrayList<>(byPolicy.keySet());
    // the baseline's row first, the others by name
    order.sort(Comparator.comparing((String p) -> !p.equals(ExperimentSettings.BASELINE)).thenComparing(p -> p));
    for (String policy : order) {
      List<CellResult> cells = byPolicy.get(policy);
      cells.sort(Comparator.comparingLong(CellResult::seed));
      double[] acc = accuracies(cells);
      rows.add(
          new PolicySummary(
              policy,
              PolicyStatistics.of(acc),
              mean(cells.stream().mapToDouble(CellResult::rankPercentile).toArray()),
              mean(cells.stream().mapToDouble(CellResult::regret).toArray()),
              random.length == 0 ? Double.NaN : RandomComparison.pBeatRandom(acc, random),
              random.length == 0 ? Double.NaN : RandomComparison.mannWhitneyP(acc, random),
              mean(cells.stream().mapToDouble(CellResult::queriesUsed).toArray())));
    }
    return new ExperimentSummary(
        first.experiment(),
        first.space(),
        first.searchMetric(),
        first.reportMetric(),
        first.best(),
        rows,
        failures(output));
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

  private static List<String> failures(Path output) {
    List<String> out = new ArrayList<>();
    for (Path f : ResultLayout.errorFiles(output)) {
      try {
        String firstLine = Files.readAllLines(f).stream().findFirst().orElse("");
        out.add(output.relativize(f.getParent()) + ": " + firstLine);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return out;
  }
}
