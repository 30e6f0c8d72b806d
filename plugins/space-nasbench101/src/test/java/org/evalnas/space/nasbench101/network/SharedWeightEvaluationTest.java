package org.evalnas.space.nasbench101.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.evalnas.api.space.Architecture;
import org.evalnas.nn.checkpoint.Tensor;
import org.evalnas.nn.data.ImageSet;
import org.evalnas.nn.evaluate.NetworkShape;
import org.evalnas.nn.supernet.SharedWeightEvaluator;
import org.evalnas.nn.supernet.Supernet;
import org.evalnas.nn.training.StepPasses;
import org.evalnas.nn.training.TrainingOptions;
import org.evalnas.nn.training.TrainingSession;
import org.evalnas.space.nasbench101.Nb101Space;
import org.junit.jupiter.api.Test;

/**
 * Shared-weight evaluation on a briefly trained NAS-Bench-101 supernet, on images the test
 * makes (each class a different brightness pattern, so that a few steps learn something).
 */
class SharedWeightEvaluationTest {
  private static final NetworkShape SHAPE = new NetworkShape(1, 4, 4, 1, 1);
  private static final Nb101Space SPACE = Nb101Space.withEdges(4);
  private static final ImageSet TRAIN = images(256, 1);
  private static final ImageSet VALIDATION = images(150, 2);

  private static ImageSet images(int n, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    byte[] pixels = new byte[n * 8 * 8];
    byte[] labels = new byte[n];
    for (int i = 0; i < n; i++) {
      int label = r.nextInt(4);
      labels[i] = (byte) label;
      for (int p = 0; p < 64; p++) {
        int quadrant = (p / 8 < 4 ? 0 : 2) + (p % 8 < 4 ? 0 : 1);
        int base = quadrant == label ? 200 : 40;
        pixels[i * 64 + p] = (byte) Math.min(255, base + r.nextInt(40));
      }
    }
    return new ImageSet(pixels, labels, 1, 8, 8, 4);
  }

  /** What a test does with a supernet trained 2 epochs on uniform paths, and its session. */
  private interface WithTrained<T> {
    T apply(Supernet supernet, TrainingSession session);
  }

  private static <T> T trained(WithTrained<T> body) {
    Supernet supernet = SPACE.supernet(SHAPE);
    SplittableRandom paths = new SplittableRandom(3);
    TrainingOptions options =
        TrainingOptions.builder().setEpochs(2).setBatchSize(16).setLearningRate(0.05).build().withSeed(5);
    try (TrainingSession session =
        TrainingSession.builder()
            .setBlock(supernet.block())
            .setTrainingSet(TRAIN)
            .setOptions(options)
            .optStepPasses(
                new StepPasses() {
                  @Override
                  public int begin(long step) {
                    return 1;
                  }

                  @Override
                  public void beforePass(int pass) {
                    supernet.activate(SPACE.sampleUniform(paths));
                  }
                })
            .build()) {
      session.train();
      return body.apply(supernet, session);
    }
  }

  /** The 12 architectures the tests score. */
  private static List<Architecture> sample() {
    SplittableRandom pick = new SplittableRandom(9);
    List<Architecture> sample = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      sample.add(SPACE.sampleUniform(pick));
    }
    return sample;
  }

  @Test
  void scoresDoNotDependOnTheEvaluationBatchSize() {
    // one trained supernet, the validation images split into batches of 16 and of 50
    List<List<Double>> byBatch =
        trained(
            (supernet, session) -> {
              List<List<Double>> out = new ArrayList<>();
              for (int batch : new int[] {16, 50}) {
                List<Double> scores = new ArrayList<>();
                for (Architecture a : sample()) {
                  supernet.activate(a);
                  scores.add(session.evaluate(VALIDATION, batch));
                }
                out.add(scores);
              }
              return out;
            });
    assertThat(byBatch.get(0)).isEqualTo(byBatch.get(1));
    assertThat(byBatch.get(0).stream().distinct().count()).as("the scores differ between architectures").isGreaterThan(1);
  }

  /** Scores the sample, checking that scoring leaves every parameter and statistic as it was. */
  private static List<Double> scores(int recalibrationBatches) {
    return trained(
        (supernet, session) -> {
          SharedWeightEvaluator evaluator =
              new SharedWeightEvaluator(session, supernet, VALIDATION, TRAIN, recalibrationBatches);
          Map<String, Tensor> before = session.parameterValues();
          List<Double> scores = new ArrayList<>();
          for (Architecture a : sample()) {
            scores.add(evaluator.accuracy(a));
          }
          Map<String, Tensor> after = session.parameterValues();
          assertThat(after.keySet()).isEqualTo(before.keySet());
          before.forEach((name, t) -> assertThat(after.get(name).values()).as(name).containsExactly(t.values()));
          assertThat(evaluator.accuracy(sample().get(0))).as("the same call, the same score").isEqualTo(scores.get(0));
          return scores;
        });
  }

  @Test
  void recalibrationChangesTheScoresAndLeavesTheSupernetAsItWas() {
    List<Double> plain = scores(0);
    List<Double> recalibrated = scores(4);
    assertThat(recalibrated).hasSameSizeAs(plain).isNotEqualTo(plain);
  }
}
