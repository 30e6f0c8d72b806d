package org.evalnas.testkit.fake;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.evalnas.api.space.Architecture;
import org.evalnas.api.space.SearchSpace;
import org.evalnas.api.truth.GroundTruth;
import org.evalnas.api.truth.TruthEntry;
import org.evalnas.api.truth.TruthRecord;

/**
 * Deterministic accuracies for every architecture of a {@link FakeSearchSpace}.
 *
 * <p>The landscape is additive, so it has the structure that local search exploits: each
 * decision contributes in proportion to its option index (a higher option is better), with
 * weights {@code n, n, n-1, ..., 2} for {@code n} decisions (the interchangeable pair weighs
 * the same, so isomorphic encodings score the same). With {@code q} the weighted sum of the
 * options normalised to {@code [0, 1]}:
 *
 * <ul>
 *   <li>{@code valid = 50 + 45 q} (percent), so the unique best architecture, all options
 *       highest, has 95 and the worst 50;
 *   <li>{@code test = valid - 1 - c_last / (k - 1)}: a little lower and slightly reordered, with
 *       the same best;
 *   <li>{@code train = valid + 4};
 *   <li>training time {@code 100 + 20 * sum(choices)} seconds, so bigger options cost more.
 * </ul>
 */
public final class FakeGroundTruth implements GroundTruth {

  /** The metrics every record has. */
  public static final Set<String> METRICS = Set.of("train", "valid", "test");

  private final SearchSpace space;
  private final String searchMetric;
  private final String reportMetric;

  /**
   * @param space the fake space (any space whose decisions all have at least two options)
   * @param searchMetric one of {@link #METRICS}
   * @param reportMetric one of {@link #METRICS}
   */
  public FakeGroundTruth(SearchSpace space, String searchMetric, String reportMetric) {
    for (String metric : List.of(searchMetric, reportMetric)) {
      if (!METRICS.contains(metric)) {
        throw new IllegalArgumentException("unknown metric " + metric + ", known: " + METRICS);
      }
    }
    this.space = space;
    this.searchMetric = searchMetric;
    this.reportMetric = reportMetric;
  }

  /** Searches on {@code valid}, reports {@code test}. */
  public FakeGroundTruth(SearchSpace space) {
    this(space, "valid", "test");
  }

  @Override
  public Path source() {
    return Path.of("fake-benchmark");
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
    return space
        .tryDecode(architecture.choices())
        .filter(architecture::equals)
        .map(a -> record(a.choices()));
  }

  @Override
  public List<TruthEntry> entries() {
    return space.enumerate().map(a -> new TruthEntry(a, record(a.choices()))).toList();
  }

  /** The validation accuracy of a choice vector by the formula above, in percent. */
  public double validAccuracy(int[] choices) {
    int n = choices.length;
    double weighted = 0;
    double total = 0;
    for (int d = 0; d < n; d++) {
      double weight = n - Math.max(d, 1) + 1;
      weighted += weight * choices[d] / (space.decisions().get(d).size() - 1.0);
      total += weight;
    }
    return 50 + 45 * weighted / total;
  }

  private TruthRecord record(int[] choices) {
    int last = choices.length - 1;
    double valid = validAccuracy(choices);
    double test = valid - 1 - choices[last] / (space.decisions().get(last).size() - 1.0);
    int sum = 0;
    for (int c : choices) {
      sum += c;
    }
    return new TruthRecord(
        Map.of("train", valid + 4, "valid", valid, "test", test), 100 + 20.0 * sum);
  }
}
