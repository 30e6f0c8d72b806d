package org.evalnas.runtime.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.evalnas.runtime.metrics.MeterScope.Value;
import org.evalnas.runtime.protocol.CellKey;
import org.evalnas.runtime.protocol.RunListener;

/**
 * Turns a run's events into meters: runs and cells started, finished, failed and resumed;
 * per cell the search progress, the queries answered from the ground truth and the best
 * ground-truth accuracy found so far. Records into any {@link MeterRegistry}; {@link #close()}
 * removes its meters again.
 */
public final class RunMetricsListener implements RunListener, AutoCloseable {
  private final MeterScope scope;
  private final Counter runsStarted;
  private final Counter runsFinished;
  private final Counter runsFailed;
  private final Counter cellsResumed;
  private final Value cellsInRun = new Value(0);
  private final ConcurrentMap<String, PolicyMeters> policies = new ConcurrentHashMap<>();
  private final ConcurrentMap<CellKey, CellMeters> cells = new ConcurrentHashMap<>();
  private final AtomicInteger failedCells = new AtomicInteger();

  /**
   * @param experiment the experiment's name (label {@code experiment})
   * @param space the space's name (label {@code space})
   */
  public RunMetricsListener(MeterRegistry registry, String experiment, String space) {
    scope = new MeterScope(registry, experiment, space);
    Tags run = scope.run();
    runsStarted = scope.counter(MetricCatalog.RUNS_STARTED, run);
    runsFinished = scope.counter(MetricCatalog.RUNS_FINISHED, run);
    runsFailed = scope.counter(MetricCatalog.RUNS_FAILED, run);
    cellsResumed = scope.counter(MetricCatalog.CELLS_RESUMED, run);
    scope.gauge(MetricCatalog.RUN_CELLS, run, cellsInRun);
  }

  @Override
  public void runStarted(String experiment, int total, int resumed) {
    runsStarted.increment();
    cellsInRun.set(total);
    cellsResumed.increment(resumed);
  }

  @Override
  public void cellStarted(CellKey cell) {
    policy(cell.policy()).started.increment();
    cell(cell);
  }

  @Override
  public void onQuery(CellKey cell, int used, int limit, double score, double report) {
    cell(cell).query(used, limit, score, report);
  }

  @Override
  public void cellFinished(CellKey cell, boolean ok) {
    PolicyMeters p = policy(cell.policy());
    if (ok) {
      p.finished.increment();
    } else {
      p.failed.increment();
      failedCells.incrementAndGet();
    }
  }

  @Override
  public void runFinished() {
    (failedCells.get() == 0 ? runsFinished : runsFailed).increment();
  }

  private PolicyMeters policy(String policy) {
    return policies.computeIfAbsent(policy, p -> new PolicyMeters(scope, scope.policy(p)));
  }

  private CellMeters cell(CellKey cell) {
    CellMeters m = cells.get(cell); // the common case without computeIfAbsent's locking
    return m != null ? m : cells.computeIfAbsent(cell, c -> new CellMeters(scope, scope.cell(c)));
  }

  /** Removes this listener's meters from the registry. */
  @Override
  public void close() {
    scope.close();
  }

  private static final class PolicyMeters {
    final Counter started;
    final Counter finished;
    final Counter failed;

    PolicyMeters(MeterScope scope, Tags tags) {
      started = scope.counter(MetricCatalog.CELLS_STARTED, tags);
      finished = scope.counter(MetricCatalog.CELLS_FINISHED, tags);
      failed = scope.counter(MetricCatalog.CELLS_FAILED, tags);
    }
  }

  /** One cell's meters; written by the cell's thread only. */
  private static final class CellMeters {
    final Value used = new Value(0);
    final Value budget = new Value(Double.NaN);
    final Value best = new Value(Double.NaN);
    final Value incumbent = new Value(Double.NaN);
    final Value queries = new Value(0);
    double bestScore = Double.NEGATIVE_INFINITY;
    double bestReport = Double.NEGATIVE_INFINITY;

    CellMeters(MeterScope scope, Tags tags) {
      scope.gauge(MetricCatalog.CELL_QUERIES_USED, tags, used);
      scope.gauge(MetricCatalog.CELL_QUERIES_BUDGET, tags, budget);
      scope.gauge(MetricCatalog.CELL_BEST_ACCURACY, tags, best);
      scope.gauge(MetricCatalog.CELL_INCUMBENT_ACCURACY, tags, incumbent);
      scope.counter(MetricCatalog.GROUND_TRUTH_QUERIES, tags, queries);
    }

    void query(int n, int limit, double score, double report) {
      used.set(n);
      budget.set(limit);
      queries.increment();
      if (report > bestReport) {
        bestReport = report;
        best.set(report);
      }
      if (score > bestScore) {
        bestScore = score;
        incumbent.set(report);
      }
    }
  }
}
