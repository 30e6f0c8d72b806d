package org.evalnas.runtime.weightsharing;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.evalnas.api.checkpoint.SearchStoppedException;
import org.evalnas.api.policy.Budget;
import org.evalnas.api.policy.SearchOutcome;
import org.evalnas.api.space.Architecture;
import org.evalnas.api.space.SearchSpace;
import org.evalnas.api.truth.GroundTruth;
import org.evalnas.nn.data.DataSplit;
import org.evalnas.nn.data.ImageSet;
import org.evalnas.nn.device.EngineSettings;
import org.evalnas.nn.evaluate.RecipeData;
import org.evalnas.nn.search.WeightSharingPolicy;
import org.evalnas.nn.supernet.SharedWeightEvaluator;
import org.evalnas.nn.supernet.Supernet;
import org.evalnas.nn.supernet.SupernetSpace;
import org.evalnas.nn.training.StepPasses;
import org.evalnas.nn.training.TrainingLock;
import org.evalnas.nn.training.TrainingSession;
import org.evalnas.runtime.metrics.RankingMetricsSink;
import org.evalnas.runtime.metrics.TrainingMetrics;
import org.evalnas.runtime.metrics.TrainingMetricsListener;
import org.evalnas.runtime.protocol.CellKey;
import org.evalnas.api.checkpoint.CountingRandom;
import org.evalnas.runtime.protocol.StopSignal;
import org.evalnas.runtime.ranking.RankingMetrics;
import org.evalnas.runtime.ranking.RankingOptions;
import org.evalnas.runtime.ranking.RankingReport;
import org.evalnas.runtime.results.AtomicFiles;
import org.evalnas.runtime.results.WeightSharingCodec;
import org.evalnas.runtime.results.WeightSharingRecord;
import org.evalnas.runtime.results.WeightSharingRecord.EpochRanking;
import org.evalnas.runtime.results.WeightSharingRecord.SampleScore;

/**
 * Runs the weight-sharing part of a cell: trains the supernet on the policy's paths (every
 * policy of a seed starts from the same initial weights and sees the same batches), scores the
 * seed's evaluation sample after each evaluation epoch and compares it with the ground truth,
 * checkpoints after every epoch, then lets the policy choose.
 *
 * <p>The cell's directory gets {@code events.jsonl}, one line per evaluation epoch with the
 * ranking metrics, rewritten atomically as the study goes.
 */
public final class SupernetStudy {
  /** The cell's event log. */
  public static final String EVENTS = "events.jsonl";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final SearchSpace space;
  private final GroundTruth truth;
  private final WeightSharingSettings settings;
  private final RecipeData data;
  private final TrainingMetrics trainingMetrics;
  private final RankingMetricsSink rankingMetrics;
  private final StopSignal stop;

  /**
   * @throws IllegalArgumentException when the space cannot build supernets
   */
  public SupernetStudy(
      SearchSpace space,
      GroundTruth truth,
      WeightSharingSettings settings,
      TrainingMetrics trainingMetrics,
      RankingMetricsSink rankingMetrics,
      StopSignal stop) {
    if (!(space instanceof SupernetSpace)) {
      throw new IllegalArgumentException(
          "the space " + space.name() + " cannot build weight-sharing supernets");
    }
    this.space = space;
    this.truth = truth;
    this.settings = settings;
    EngineSettings.applyDefaults(settings.recipe().threads());
    this.data = new RecipeData(settings.recipe());
    this.trainingMetrics = trainingMetrics;
    this.rankingMetrics = rankingMetrics;
    this.stop = stop;
  }

  /** What the study found and what the policy chose. */
  public record Outcome(SearchOutcome search, WeightSharingRecord record) {}

  /**
   * Runs (or resumes) a cell. Holds the JVM's training lock throughout.
   *
   * @param identity what a checkpoint must match to be resumed
   * @throws SearchStoppedException when the stop signal came; the last epoch is checkpointed
   */
  public Outcome run(CellKey cell, WeightSharingPolicy policy, Budget budget, Path directory, String identity) {
    TrainingLock.JVM.lock();
    try {
      return runAlone(cell, policy, budget, directory, identity + "|" + settings.describe());
    } finally {
      TrainingLock.JVM.unlock();
    }
  }

  private Outcome runAlone(CellKey cell, WeightSharingPolicy policy, Budget budget, Path dir, String identity) {
    DataSplit split = data.split();
    ImageSet validation =
        settings.validationImages() > 0 && settings.validationImages() < split.validation().size()
            ? split.validation().head(settings.validationImages())
            : split.validation();
    if (validation.size() == 0) {
      throw new IllegalArgumentException(
          "the supernet needs validation images: set " + WeightSharingSettings.SECTION
              + ".training.validation-portion above 0");
    }
    SupernetSpace supernetSpace = (SupernetSpace) space;
    Supernet supernet = supernetSpace.supernet(settings.recipe().shape(supernetSpace));
    CountingRandom random = new CountingRandom(cell.random());
    List<Architecture> sample = EvaluationSample.of(space, cell.seed(), settings.sampleSize());
    List<Architecture> covered = new ArrayList<>();
    List<Double> truths = new ArrayList<>();
    for (Architecture a : sample) {
      truth.lookup(a).flatMap(r -> boxed(r.metric(truth.reportMetric()))).ifPresent(v -> {
        covered.add(a);
        truths.add(v);
      });
    }
    if (covered.size() < 2) {
      throw new IllegalArgumentException(
          "the ground truth " + truth.source() + " covers " + covered.size() + " of the "
              + sample.size() + " architectures of the evaluation sample; a ranking needs 2");
    }
    double[] truthValues = truths.stream().mapToDouble(Double::doubleValue).toArray();
    RankingOptions ranking = settings.ranking().upTo(covered.size());
    int epochs = settings.recipe().options().epochs();

    PathPasses passes = new PathPasses(policy, supernet);
    try (TrainingSession session =
        TrainingSession.builder()
            .setBlock(supernet.block())
            .setTrainingSet(split.train())
            .setOptions(settings.recipe().options().withSeed(cell.seed()))
            .optNormalization(settings.recipe().dataset().normalization())
            .optAugmentation(settings.recipe().dataset().trainingAugmentation())
            .optListener(TrainingMetricsListener.of(trainingMetrics, cell))
            .optStepPasses(passes)
            .build()) {
      SharedWeightEvaluator evaluator =
          new SharedWeightEvaluator(session, supernet, validation, split.train(), settings.recalibrationBatches());
      SharedWeightContext context =
          new SharedWeightContext(space, cell.seed(), random, budget, evaluator, epochs);
      passes.context = context;
      List<EpochRanking> rankings = new ArrayList<>();
      List<SampleScore> finalScores = new ArrayList<>();
      Optional<StudyState> state = StudyState.read(dir, identity);
      if (state.isPresent()) {
        session.restoreCheckpoint(dir.resolve(StudyState.CHECKPOINT));
        if (session.epoch() == state.get().epoch()) {
          random.skipTo(state.get().randomSteps());
          rankings.addAll(state.get().rankings());
          finalScores.addAll(state.get().finalScores());
          context.trained(session.epoch());
        } else {
          throw new IllegalStateException(
              "the supernet checkpoint in " + dir + " is at epoch " + session.epoch() + ", its state at "
                  + state.get().epoch() + "; delete both to start the cell over");
        }
      }
      while (!session.finished()) {
        int perEpoch = session.stepsPerEpoch();
        session.trainSteps(perEpoch - session.step() % perEpoch);
        int done = session.epoch();
        context.trained(done);
        if (settings.evaluationEpochs().contains(done)) {
          double[] predicted = covered.stream().mapToDouble(a -> context.score(a).value()).toArray();
          RankingReport report = RankingMetrics.compare(predicted, truthValues, ranking);
          rankings.add(new EpochRanking(done, report));
          rankingMetrics.evaluated(cell, done, report);
          if (done == epochs) {
            for (int i = 0; i < covered.size(); i++) {
              finalScores.add(new SampleScore(covered.get(i).id(), predicted[i], truthValues[i]));
            }
          }
          writeEvents(dir, rankings);
        }
        save(session, dir, new StudyState(identity, done, random.steps(), rankings, finalScores));
        if (stop.requested() && !session.finished()) {
          throw new SearchStoppedException("stopped after epoch " + done + ": " + stop.reason());
        }
      }
      SearchOutcome outcome = policy.choose(context);
      WeightSharingRecord record =
          new WeightSharingRecord(
              epochs, sample.size(), truth.reportMetric(), noiseCeiling(covered), rankings, finalScores);
      return new Outcome(outcome, record);
    }
  }

  /**
   * The mean Kendall tau-b between the ground truth's repeats ({@code <metric>_0}, {@code
   * <metric>_1}, ... as the benchmark tables have them) over the covered sample: a ranking
   * from one training run of each architecture agrees this well with another's, so a supernet
   * is not expected to do better. NaN without two repeats.
   */
  private double noiseCeiling(List<Architecture> covered) {
    List<double[]> repeats = new ArrayList<>();
    for (int r = 0; truth.metrics().contains(truth.reportMetric() + "_" + r); r++) {
      String metric = truth.reportMetric() + "_" + r;
      double[] values = new double[covered.size()];
      for (int i = 0; i < values.length; i++) {
        values[i] = truth.lookup(covered.get(i)).flatMap(t -> boxed(t.metric(metric))).orElse(Double.NaN);
      }
      if (java.util.Arrays.stream(values).anyMatch(v -> !Double.isFinite(v))) {
        return Double.NaN;
      }
      repeats.add(values);
    }
    if (repeats.size() < 2) {
      return Double.NaN;
    }
    return RankingMetrics.rankStability(repeats.toArray(double[][]::new));
  }

  /** Deletes a finished cell's checkpoint and state (the event log stays). */
  public static void clear(Path dir) throws IOException {
    StudyState.delete(dir);
  }

  private static Optional<Double> boxed(java.util.OptionalDouble d) {
    return d.isPresent() ? Optional.of(d.getAsDouble()) : Optional.empty();
  }

  private static void save(TrainingSession session, Path dir, StudyState state) {
    try {
      Files.createDirectories(dir);
      session.saveCheckpoint(dir.resolve(StudyState.CHECKPOINT));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the supernet checkpoint in " + dir, e);
    }
    state.write(dir);
  }

  private static void writeEvents(Path dir, List<EpochRanking> rankings) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      for (EpochRanking r : rankings) {
        out.write(JSON.writeValueAsBytes(WeightSharingCodec.ranking(r)));
        out.write('\n');
      }
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    AtomicFiles.write(dir.resolve(EVENTS), out.toByteArray());
  }

  /** Each step trains the paths the policy picks for it. */
  private static final class PathPasses implements StepPasses {
    private final WeightSharingPolicy policy;
    private final Supernet supernet;
    private SharedWeightContext context;
    private List<Architecture> paths;

    PathPasses(WeightSharingPolicy policy, Supernet supernet) {
      this.policy = policy;
      this.supernet = supernet;
    }

    @Override
    public int begin(long step) {
      paths = policy.trainingPaths(context);
      return paths.size();
    }

    @Override
    public void beforePass(int pass) {
      supernet.activate(paths.get(pass));
    }
  }
}
