package org.evalnas.api.truth;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a benchmark knows of one architecture: named metrics (accuracies in percent, e.g.
 * {@code cifar10_valid}) and the simulated cost of querying it.
 *
 * <p>Records are looked up on every query of every search, so they are compact: the metric
 * names are shared by all records with the same names, the values sit in one array.
 */
public final class TruthRecord {
  private static final Map<List<String>, String[]> SHARED_NAMES = new ConcurrentHashMap<>();

  private final String[] names;
  private final double[] values;
  private final double trainingSeconds;

  /**
   * @param metrics metric name to value
   * @param trainingSeconds the simulated cost of querying it (the benchmark's training time),
   *     or {@code NaN} when the benchmark does not record one
   */
  public TruthRecord(Map<String, Double> metrics, double trainingSeconds) {
    String[] sorted = metrics.keySet().toArray(String[]::new);
    Arrays.sort(sorted);
    this.names = SHARED_NAMES.computeIfAbsent(List.of(sorted), TruthRecord::internedNames);
    this.values = new double[names.length];
    for (int i = 0; i < names.length; i++) {
      values[i] = metrics.get(names[i]);
    }
    this.trainingSeconds = trainingSeconds;
  }

  /**
   * The shared names, interned: a caller holding interned names (the runtime's oracle does)
   * finds its metric by identity, without comparing characters on every query.
   */
  private static String[] internedNames(List<String> names) {
    return names.stream().map(String::intern).toArray(String[]::new);
  }

  private TruthRecord(String[] names, double[] values, double trainingSeconds) {
    this.names = names;
    this.values = values;
    this.trainingSeconds = trainingSeconds;
  }

  /**
   * Metric names fixed once for many records, so that a benchmark building a record per query
   * does not build a map each time ({@link #record}).
   */
  public static final class Names {
    private final String[] sorted;
    /** Where each given name lands in {@link #sorted}. */
    private final int[] slot;

    private Names(String[] given) {
      String[] s = given.clone();
      Arrays.sort(s);
      this.sorted = SHARED_NAMES.computeIfAbsent(List.of(s), TruthRecord::internedNames);
      this.slot = new int[given.length];
      for (int i = 0; i < given.length; i++) {
        slot[i] = Arrays.binarySearch(sorted, given[i]);
      }
    }

    /**
     * The names, each once.
     *
     * @throws IllegalArgumentException when a name repeats
     */
    public static Names of(String... names) {
      if (java.util.Set.of(names).size() != names.length) {
        throw new IllegalArgumentException("metric names repeat: " + Arrays.toString(names));
      }
      return new Names(names);
    }

    /**
     * A record with {@code values[i]} for the {@code i}-th name given to {@link #of}.
     *
     * @throws IllegalArgumentException when there is not one value per name
     */
    public TruthRecord record(double[] values, double trainingSeconds) {
      if (values.length != slot.length) {
        throw new IllegalArgumentException(values.length + " values for " + slot.length + " metric names");
      }
      double[] v = new double[slot.length];
      for (int i = 0; i < slot.length; i++) {
        v[slot[i]] = values[i];
      }
      return new TruthRecord(sorted, v, trainingSeconds);
    }
  }

  /** The value of a metric, if recorded. */
  public OptionalDouble metric(String name) {
    for (int i = 0; i < names.length; i++) {
      // the names are few; the caller usually holds the very same string
      if (names[i] == name || names[i].equals(name)) {
        return OptionalDouble.of(values[i]);
      }
    }
    return OptionalDouble.empty();
  }

  /** Every metric, by name. */
  public Map<String, Double> metrics() {
    Map<String, Double> m = new LinkedHashMap<>();
    for (int i = 0; i < names.length; i++) {
      m.put(names[i], values[i]);
    }
    return m;
  }

  /** The simulated cost of querying it, or {@code NaN} when not recorded. */
  public double trainingSeconds() {
    return trainingSeconds;
  }

  /** What a query of this record costs in simulated seconds: 0 when none is recorded. */
  public double chargedSeconds() {
    return Double.isNaN(trainingSeconds) ? 0 : trainingSeconds;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TruthRecord r
        && Arrays.equals(names, r.names)
        && Arrays.equals(values, r.values)
        && Double.compare(trainingSeconds, r.trainingSeconds) == 0;
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(values) + Double.hashCode(trainingSeconds);
  }

  @Override
  public String toString() {
    return "TruthRecord" + metrics() + " seconds=" + trainingSeconds;
  }
}
