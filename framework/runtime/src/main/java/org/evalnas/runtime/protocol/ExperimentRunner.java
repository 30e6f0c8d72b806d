package org.evalnas.runtime.protocol;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.evalnas.api.InputException;
import org.evalnas.runtime.config.ExperimentSettings;
import org.evalnas.runtime.execution.CpuIsa;
import org.evalnas.runtime.execution.worker.WorkerCommand;
import org.evalnas.runtime.execution.worker.WorkerEvents;
import org.evalnas.runtime.execution.worker.WorkerProcess;
import org.evalnas.runtime.metrics.RankingMetricsSink;
import org.evalnas.runtime.metrics.TrainingMetrics;
import org.evalnas.runtime.config.LoadedConfig;
import org.evalnas.runtime.plugin.PluginRegistry;
import org.evalnas.runtime.results.CellResult;
import org.evalnas.runtime.results.ResultLayout;

/**
 * Runs an experiment under the fixed protocol on this machine: every (policy, seed) cell and
 * the baseline's, skipping cells an earlier run finished, at most {@code execution.parallel}
 * at a time. Cells are independent, so the results do not depend on their order.
 */
public final class ExperimentRunner {
  private final PluginRegistry registry;
  private final LoadedConfig loaded;
  private final ExperimentSettings settings;
  private final Path output;
  private final Clock clock;
  private Optional<WorkerCommand> workers = Optional.empty();

  /**
   * @param output the results directory (already chosen between the config and the CLI)
   */
  public ExperimentRunner(
      PluginRegistry registry, LoadedConfig loaded, ExperimentSettings settings, Path output, Clock clock) {
    this.registry = registry;
    this.loaded = loaded;
    this.settings = settings;
    this.output = output;
    this.clock = clock;
  }

  private boolean inWorker(CellExecutor executor, CellKey cell) {
    if (workers.isEmpty() || !executor.trains(cell)) {
      return false;
    }
    boolean several = settings.parallel() > 1 && settings.workerProcesses();
    return several || !CpuIsa.holds(settings.cpuIsa(), System.getenv());
  }

  /**
   * Runs cells that train networks in worker processes started with {@code command}, when
   * more than one cell runs at a time (PyTorch trains one network at a time per process), and
   * when {@code execution.cpu-isa} asks for an instruction set this process does not have.
   */
  public ExperimentRunner withWorkers(WorkerCommand command) {
    this.workers = Optional.of(command);
    return this;
  }

  /**
   * Runs the cells that are not finished yet.
   *
   * @param fresh delete earlier results of this experiment first
   * @throws InputException when the space, the ground truth or the evaluator cannot be built
   */
  public RunOutcome run(boolean fresh, RunListener listener) {
    return run(fresh, listener, TrainingMetrics.NONE, RankingMetricsSink.NONE);
  }

  /**
   * As {@link #run(boolean, RunListener)}, with where weight-sharing cells report their
   * training and ranking metrics.
   */
  public RunOutcome run(
      boolean fresh, RunListener listener, TrainingMetrics trainingMetrics, RankingMetricsSink rankingMetrics) {
    Instant started = clock.instant();
    if (fresh) {
      ResultLayout.clear(output, settings.cellPolicies());
    }
    CellExecutor executor =
        new CellExecutor(
            registry, loaded, settings, output, clock, listener, CheckpointOptions.none(), trainingMetrics, rankingMetrics);

    List<CellKey> pending = new ArrayList<>();
    List<CellResult> results = new ArrayList<>();
    for (CellKey cell : CellExecutor.cells(settings)) {
      CellExecutor.finished(output, settings.name(), cell).ifPresentOrElse(results::add, () -> pending.add(cell));
    }
    int resumed = results.size();
    ProvenanceWriter provenance = new ProvenanceWriter(registry, loaded, settings, output);
    provenance.write(started, null);
    listener.runStarted(settings.name(), pending.size() + resumed, resumed);

    Map<CellKey, String> failed = new TreeMap<>(Comparator.comparing(CellKey::policy).thenComparingLong(CellKey::seed));
    int ran = 0;
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(settings.parallel(), Math.max(1, pending.size())), r -> {
      Thread t = new Thread(r, "evalnas-cell");
      t.setDaemon(true);
      return t;
    });
    try {
      List<Future<CellAttempt>> futures = new ArrayList<>();
      for (CellKey cell : pending) {
        futures.add(
            pool.submit(
                () -> {
                  listener.cellStarted(cell);
                  CellAttempt attempt =
                      inWorker(executor, cell)
                          ? WorkerProcess.run(
                              workers.get(), output, settings.name(), cell,
                              new WorkerEvents.Sinks(listener, trainingMetrics, rankingMetrics))
                          : executor.run(cell);
                  listener.cellFinished(cell, attempt.ok());
                  return attempt;
                }));
      }
      for (int i = 0; i < futures.size(); i++) {
        CellAttempt attempt = futures.get(i).get();
        if (!attempt.ok()) {
          failed.put(pending.get(i), attempt.error());
        } else {
          results.add(attempt.result());
          ran++;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    } finally {
      pool.shutdownNow();
      listener.runFinished();
    }
    provenance.write(started, clock.instant());
    return new RunOutcome(output, ran, resumed, failed, results);
  }
}
