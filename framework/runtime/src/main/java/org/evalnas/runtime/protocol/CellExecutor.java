package org.evalnas.runtime.protocol;

import com.typesafe.config.ConfigRenderOptions;
import com.typesafe.config.ConfigUtil;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.evalnas.api.InputException;
import org.evalnas.api.checkpoint.SearchStoppedException;
import org.evalnas.api.eval.Evaluator;
import org.evalnas.api.eval.EvaluatorProvider;
import org.evalnas.api.policy.Budget;
import org.evalnas.api.policy.SearchPolicyProvider;
import org.evalnas.api.space.SearchSpace;
import org.evalnas.api.space.SearchSpaceProvider;
import org.evalnas.api.truth.GroundTruth;
import org.evalnas.api.truth.GroundTruthProvider;
import org.evalnas.nn.search.WeightSharingPolicy;
import org.evalnas.nn.supernet.SupernetSpace;
import org.evalnas.runtime.evaluation.GroundTruthEvaluatorProvider;
import org.evalnas.runtime.config.ExperimentSettings;
import org.evalnas.runtime.metrics.RankingMetricsSink;
import org.evalnas.runtime.metrics.TrainingMetrics;
import org.evalnas.runtime.weightsharing.SupernetStudy;
import org.evalnas.runtime.weightsharing.WeightSharingSettings;
import org.evalnas.runtime.config.HostPluginContext;
import org.evalnas.runtime.config.LoadedConfig;
import org.evalnas.runtime.plugin.PluginRegistry;
import org.evalnas.runtime.plugin.ProviderKind;
import org.evalnas.runtime.results.AtomicFiles;
import org.evalnas.runtime.results.CellErrorFile;
import org.evalnas.runtime.results.CellResult;
import org.evalnas.runtime.results.CellResultCodec;
import org.evalnas.runtime.results.ResultLayout;

/**
 * Runs single cells of an experiment: the one code path every execution backend shares. The
 * local backend runs many in threads ({@link ExperimentRunner}); a SLURM task runs one ({@code
 * evalnas run-cell}). A cell writes {@code result.json} atomically, or {@code error.txt} when
 * it fails; a stopped cell leaves its checkpoint and nothing else.
 */
public final class CellExecutor {
  private final PluginRegistry registry;
  private final LoadedConfig loaded;
  private final ExperimentSettings settings;
  private final Path output;
  private final CellRunner runner;
  /** What every cell of a policy shares, by policy name, made once per run. */
  private final Map<String, PolicySetup> policies = new ConcurrentHashMap<>();

  /**
   * A policy's provider and config section, its settings rendered as a checkpoint identity
   * holds them, and whether it shares weights (one instance built to look): the same for every
   * seed, and not free to make per cell.
   */
  private record PolicySetup(
      SearchPolicyProvider provider, HostPluginContext context, String settings, boolean sharesWeights) {}

  /**
   * Builds the space, the ground truth and the evaluator the cells share.
   *
   * @throws InputException when one of them cannot be built
   */
  public CellExecutor(
      PluginRegistry registry,
      LoadedConfig loaded,
      ExperimentSettings settings,
      Path output,
      Clock clock,
      QueryListener listener,
      CheckpointOptions checkpoints) {
    this(registry, loaded, settings, output, clock, listener, checkpoints, TrainingMetrics.NONE, RankingMetricsSink.NONE);
  }

  /**
   * As above, with where weight-sharing cells report their training and ranking metrics.
   *
   * @throws InputException when the space, the ground truth, the evaluator or the
   *     weight-sharing settings cannot be built
   */
  public CellExecutor(
      PluginRegistry registry,
      LoadedConfig loaded,
      ExperimentSettings settings,
      Path output,
      Clock clock,
      QueryListener listener,
      CheckpointOptions checkpoints,
      TrainingMetrics trainingMetrics,
      RankingMetricsSink rankingMetrics) {
    this.registry = registry;
    this.loaded = loaded;
    this.settings = settings;
    this.output = output;
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
    this.runner =
        new CellRunner(
            settings.name(),
            space,
            truth,
            evaluator,
            SpaceReference.of(truth),
            listener,
            settings.keepTrajectory(),
            clock,
            checkpoints,
            supernets(space, truth, trainingMetrics, rankingMetrics, checkpoints.stop()),
            trainingMetrics);
  }

  /**
   * The weight-sharing stage, when the experiment can run one (the space builds supernets and
   * there is a ground truth to rank against); its settings are read only then.
   */
  private Optional<SupernetStudy> supernets(
      SearchSpace space,
      Optional<GroundTruth> truth,
      TrainingMetrics trainingMetrics,
      RankingMetricsSink rankingMetrics,
      StopSignal stop) {
    if (!(space instanceof SupernetSpace) || truth.isEmpty()) {
      return Optional.empty();
    }
    WeightSharingSettings ws = WeightSharingSettings.from(loaded.config(), loaded.file());
    return Optional.of(new SupernetStudy(space, truth.get(), ws, trainingMetrics, rankingMetrics, stop));
  }

  /** Every cell of an experiment, seed by seed, the baseline first in each. */
  public static List<CellKey> cells(ExperimentSettings settings) {
    List<CellKey> all = new ArrayList<>();
    for (long seed : settings.seeds()) {
      for (String policy : settings.cellPolicies()) {
        all.add(new CellKey(policy, seed));
      }
    }
    return all;
  }

  /** The result an earlier run left for a cell, if it is complete and really this cell's. */
  public static Optional<CellResult> finished(Path output, String experiment, CellKey cell) {
    Path file = cell.directory(output).resolve(ResultLayout.RESULT);
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      CellResult r = CellResultCodec.read(file);
      boolean same =
          r.policy().equals(cell.policy()) && r.seed() == cell.seed() && r.experiment().equals(experiment);
      return same ? Optional.of(r) : Optional.empty();
    } catch (InputException e) {
      return Optional.empty(); // another format or a damaged file: run the cell again
    }
  }

  /**
   * Whether a cell trains networks: its policy shares weights through a supernet, or the
   * evaluator trains the chosen architecture. Such cells run in worker processes when several
   * run at once.
   */
  public boolean trains(CellKey cell) {
    if (!settings.evaluator().equals(GroundTruthEvaluatorProvider.NAME)) {
      return true;
    }
    return setup(policyOf(cell)).sharesWeights();
  }

  /** The policy that runs a cell: the baseline's cells run the baseline policy. */
  private String policyOf(CellKey cell) {
    return cell.policy().equals(ExperimentSettings.BASELINE) ? settings.baselinePolicy() : cell.policy();
  }

  private PolicySetup setup(String policy) {
    return policies.computeIfAbsent(
        policy,
        p -> {
          SearchPolicyProvider provider = registry.require(ProviderKind.POLICY, p, SearchPolicyProvider.class);
          HostPluginContext context = context(ProviderKind.POLICY, p);
          return new PolicySetup(
              provider,
              context,
              context.config().root().render(ConfigRenderOptions.concise()),
              provider.create(context) instanceof WeightSharingPolicy);
        });
  }

  /** Whether a cell left a checkpoint to resume from. */
  public static boolean hasCheckpoint(Path output, CellKey cell) {
    return CellCheckpoints.exists(cell.directory(output));
  }

  /**
   * Runs one cell and records how it ended in its directory. Never throws for a failure of the
   * cell itself: that is the attempt's error.
   */
  public CellAttempt run(CellKey cell) {
    Path dir = cell.directory(output);
    try {
      String policy = policyOf(cell);
      Budget budget = cell.policy().equals(ExperimentSettings.BASELINE) ? settings.baselineBudget() : settings.budget();
      PolicySetup setup = setup(policy);
      CellResult result =
          runner.run(
              cell, setup.provider().create(setup.context()), budget, dir, identity(cell, policy, budget, setup));
      AtomicFiles.write(dir.resolve(ResultLayout.RESULT), CellResultCodec.write(result));
      Files.deleteIfExists(dir.resolve(ResultLayout.ERROR));
      CellCheckpoints.delete(dir);
      SupernetStudy.clear(dir);
      return new CellAttempt(cell, result, null, false);
    } catch (SearchStoppedException e) {
      return new CellAttempt(cell, null, e.getMessage(), true);
    } catch (RuntimeException | IOException | LinkageError e) {
      return new CellAttempt(cell, null, CellErrorFile.write(dir, e), false);
    }
  }

  /**
   * What a checkpoint must match to be resumed: the experiment, the cell, the budget and the
   * policy's settings. The seed list may grow between runs; these may not change.
   */
  private String identity(CellKey cell, String policy, Budget budget, PolicySetup setup) {
    return settings.name()
        + "|" + cell.policy()
        + "|" + cell.seed()
        + "|" + policy
        + "|" + budget.queries() + "/" + budget.simulatedSeconds()
        + "|" + setup.settings();
  }

  private HostPluginContext context(ProviderKind kind, String name) {
    return new HostPluginContext(loaded.config(), ConfigUtil.joinPath(kind.section(), name), loaded.file());
  }
}
