package org.evalnas.runtime.protocol;

import java.util.Arrays;

/**
 * The queries of one search in order: the search score the policy saw and the report value
 * it did not see (for anytime curves).
 */
final class Trajectory {
  private double[] search;
  private double[] report;
  private int size;

  Trajectory(int capacity) {
    search = new double[Math.max(1, capacity)];
    report = new double[search.length];
  }

  void add(double searchValue, double reportValue) {
    if (size == search.length) {
      search = Arrays.copyOf(search, size * 2);
      report = Arrays.copyOf(report, size * 2);
    }
    search[size] = searchValue;
    report[size] = reportValue;
    size++;
  }

  /** Replaces the content, as a checkpoint restores it. */
  void restore(double[] searchValues, double[] reportValues) {
    search = Arrays.copyOf(searchValues, Math.max(search.length, searchValues.length));
    report = Arrays.copyOf(reportValues, search.length);
    size = searchValues.length;
  }

  int size() {
    return size;
  }

  double[] search() {
    return Arrays.copyOf(search, size);
  }

  double[] report() {
    return Arrays.copyOf(report, size);
  }
}
