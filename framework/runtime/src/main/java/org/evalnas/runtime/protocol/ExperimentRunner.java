package org.evalnas.runtime.protocol;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.evalnas.api.InputException;
import org.evalnas.api.eval.Evaluator;
import org.evalnas.api.eval.EvaluatorProvider;
import org.evalnas.api.policy.Budget;
import org.evalnas.api.policy.SearchPolicyProvider;
import org.evalnas.api.space.SearchSpace;
import org.evalnas.api.space.SearchSpaceProvider;
import org.evalnas.api.truth.GroundTruth;
import org.evalnas.api.truth.GroundTruthProvider;
import org.evalnas.runtime.config.ExperimentSettings;
import org.evalnas.runtime.config.HostPluginContext;
import org.evalnas.runtime.config.LoadedConfig;
import org.evalnas.runtime.plugin.PluginRegistry;
import org.evalnas.runtime.plugin.ProviderKind;
import org.evalnas.runtime.results.AtomicFiles;
import org.evalnas.runtime.results.CellResult;
import org.evalnas.runtime.results.CellResultCodec;
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

  /**
   * Runs the cells that are not finished yet.
   *
   * @param fresh delete earlier results of this experiment first
   * @throws InputException when the space, the ground truth or the evaluator cannot be built
   */
  public RunOutcome run(boolean fresh, RunListener listener) {
    Instant started = clock.instant();
    if (fresh) {
      ResultLayout.clear(output, settings.cellPolicies());
    }
    SearchSpace space =
        registry
            .require(ProviderKind.SPACE, settings.space(), SearchSpaceProvider.class)
            .create(context(ProviderKind.SPACE, settings.space()));
    Optional<GroundTruth> truth =
        settings
            .groundTruth()
            .map(
                name ->
                    registry
                        .require(ProviderKind.GROUND_TRUTH, name, GroundTruthProvider.class)
                        .open(space, context(ProviderKind.GROUND_TRUTH, name)));
    Evaluator evaluator =
        registry
            .require(ProviderKind.EVALUATOR, settings.evaluator(), EvaluatorProvider.class)
            .create(space, truth, context(ProviderKind.EVALUATOR, settings.evaluator()));
    Optional<SpaceReference> reference = SpaceReference.of(truth);
    CellRunner runner =
        new CellRunner(
            settings.name(), space, truth, evaluator, reference, listener, settings.keepTrajectory(), clock);

    List<CellKey> pending = new ArrayList<>();
    List<CellResult> results = new ArrayList<>();
    for (long seed : settings.seeds()) {
      for (String policy : settings.cellPolicies()) {
        CellKey cell = new CellKey(policy, seed);
        finished(cell).ifPresentOrElse(results::add, () -> pending.add(cell));
      }
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
        futures.add(pool.submit(() -> runCell(runner, cell, listener)));
      }
      for (int i = 0; i < futures.size(); i++) {
        CellAttempt attempt = futures.get(i).get();
        if (attempt.error() != null) {
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

  /** A cell's result, or why it failed. */
  private record CellAttempt(CellResult result, String error) {}

  private CellAttempt runCell(CellRunner runner, CellKey cell, RunListener listener) {
    Path dir = cell.directory(output);
    listener.cellStarted(cell);
    try {
      boolean baseline = cell.policy().equals(ExperimentSettings.BASELINE);
      String policy = baseline ? settings.baselinePolicy() : cell.policy();
      Budget budget = baseline ? settings.baselineBudget() : settings.budget();
      SearchPolicyProvider provider =
          registry.require(ProviderKind.POLICY, policy, SearchPolicyProvider.class);
      CellResult result =
          runner.run(cell, provider.create(context(ProviderKind.POLICY, policy)), budget, dir);
      AtomicFiles.write(dir.resolve(ResultLayout.RESULT), CellResultCodec.write(result));
      Files.deleteIfExists(dir.resolve(ResultLayout.ERROR));
      listener.cellFinished(cell, true);
      return new CellAttempt(result, null);
    } catch (RuntimeException | IOException | LinkageError e) {
      String message = e instanceof InputException ie ? ie.describe() : String.valueOf(e.getMessage());
      StringWriter trace = new StringWriter();
      e.printStackTrace(new PrintWriter(trace));
      AtomicFiles.write(dir.resolve(ResultLayout.ERROR), trace.toString().getBytes(StandardCharsets.UTF_8));
      listener.cellFinished(cell, false);
      return new CellAttempt(null, message);
    }
  }

  /** The result an earlier run left for a cell, if it is complete and really this cell's. */
  private Optional<CellResult> finished(CellKey cell) {
    Path file = cell.directory(output).resolve(ResultLayout.RESULT);
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      CellResult r = CellResultCodec.read(file);
      boolean same =
          r.policy().equals(cell.policy()) && r.seed() == cell.seed() && r.experiment().equals(settings.name());
      return same ? Optional.of(r) : Optional.empty();
    } catch (InputException e) {
      return Optional.empty(); // another format or a damaged file: run the cell again
    }
  }

  private HostPluginContext context(ProviderKind kind, String name) {
    return new HostPluginContext(loaded.config(), com.typesafe.config.ConfigUtil.joinPath(kind.section(), name), loaded.file());
  }
}
