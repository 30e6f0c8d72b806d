package org.evalnas.evaluator.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.evalnas.api.InputException;
import org.evalnas.api.eval.Evaluation;
import org.evalnas.api.eval.Evaluator;
import org.evalnas.api.plugin.PluginContext;
import org.evalnas.api.space.Architecture;
import java.util.concurrent.atomic.AtomicInteger;
import org.evalnas.nn.evaluate.ScratchTrainer;
import org.evalnas.nn.evaluate.TrainRecipe;
import org.evalnas.nn.training.EpochMetrics;
import org.evalnas.nn.training.TrainingListenerAdapter;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("slow")
class TrainFromScratchEvaluatorTest {
  private static final String SECTION = "evaluator.train-from-scratch";

  @TempDir Path dir;

  /** The plugin's section with small settings over its reference.conf. */
  private record Context(Config config, Path base) implements PluginContext {
    @Override
    public String configPath() {
      return SECTION;
    }

    @Override
    public Path resolvePath(String path) {
      return base.resolve(path);
    }

    @Override
    public Optional<Path> path(String key) {
      return config.hasPath(key) ? Optional.of(base.resolve(config.getString(key))) : Optional.empty();
    }
  }

  private Evaluator evaluator(String settings) {
    Config reference = ConfigFactory.parseResources("reference.conf").resolve().getConfig(SECTION);
    Config config =
        ConfigFactory.parseString(
                "epochs = 2, batch-size = 64, train-images = 512, test-images = 256,"
                    + " validation-portion = 0.005, channels = 4, " + settings)
            .withFallback(reference)
            .resolve();
    return new TrainFromScratchProvider().create(new TinySpace(), Optional.empty(), new Context(config, dir));
  }

  private static Map<String, Double> withoutTime(Evaluation e) {
    Map<String, Double> d = new HashMap<>(e.details());
    d.remove("seconds");
    return d;
  }

  @Test
  void isDeterministicPerSeed() {
    Evaluator evaluator = evaluator("checkpoint-dir = null");
    Architecture k3 = new TinySpace().decode(new int[] {0});
    Evaluation a = evaluator.evaluate(k3, 5);
    Evaluation b = evaluator.evaluate(k3, 5);
    Evaluation c = evaluator.evaluate(k3, 6);
    assertThat(withoutTime(a)).isEqualTo(withoutTime(b));
    assertThat(a.accuracy()).isEqualTo(b.accuracy()).isEqualTo(a.details().get("test_accuracy"));
    assertThat(withoutTime(c)).isNotEqualTo(withoutTime(a));
    assertThat(a.details())
        .containsKeys("validation_accuracy", "test_accuracy", "parameters", "seconds", "epochs");
    // conv 3x3x1x4 + 4 biases, batch norm 2x4 (statistics are not trainable), dense 4x10 + 10
    assertThat(a.details().get("parameters")).isEqualTo(36 + 4 + 8 + 50);
  }

  @Test
  void theHostHearsTheTrainingThroughTheAmbientListener() {
    Evaluator evaluator = evaluator("checkpoint-dir = null");
    Architecture k3 = new TinySpace().decode(new int[] {0});
    java.util.List<org.evalnas.nn.training.StepMetrics> steps = new java.util.ArrayList<>();
    java.util.List<EpochMetrics> epochs = new java.util.ArrayList<>();
    org.evalnas.nn.training.TrainingListener host =
        new org.evalnas.nn.training.TrainingListenerAdapter() {
          @Override
          public void onStep(org.evalnas.nn.training.StepMetrics step) {
            steps.add(step);
          }

          @Override
          public void onEpochEnd(EpochMetrics epoch) {
            epochs.add(epoch);
          }
        };
    Evaluation e =
        org.evalnas.nn.training.AmbientTrainingListener.with(host, () -> evaluator.evaluate(k3, 5));
    // 2 epochs of 512 images in batches of 64
    assertThat(steps).hasSize(16);
    assertThat(steps).allSatisfy(s -> assertThat(s.images()).isEqualTo(64));
    assertThat(steps).allSatisfy(s -> assertThat(s.loss()).isPositive());
    assertThat(epochs).hasSize(2);
    assertThat(e.details().get("epochs")).isEqualTo(2);
    // and nothing outside the call
    evaluator.evaluate(k3, 6);
    assertThat(steps).hasSize(16);
  }

  @Test
  void checkpointsAndResumesInItsDirectory() throws IOException {
    Evaluator evaluator = evaluator("checkpoint-dir = ckpt");
    Architecture k1 = new TinySpace().decode(new int[] {1});
    Evaluation first = evaluator.evaluate(k1, 3);
    Path ckpt = dir.resolve("ckpt");
    try (Stream<Path> files = Files.walk(ckpt)) {
      // finished evaluations leave their (empty) directory, no checkpoint
      assertThat(files.filter(Files::isRegularFile)).isEmpty();
    }
    Evaluation again = evaluator("checkpoint-dir = ckpt").evaluate(k1, 3);
    assertThat(withoutTime(again)).isEqualTo(withoutTime(first));
  }

  @Test
  void resumesAKilledEvaluationInTheDirectoryTheHostGives() {
    Evaluator evaluator = evaluator("checkpoint-dir = null");
    TinySpace space = new TinySpace();
    Architecture k3 = space.decode(new int[] {0});
    Evaluation whole = evaluator.evaluate(k3, 2, dir.resolve("whole"));
    // the same evaluation, killed at the end of its second epoch, after the first one's checkpoint
    TrainRecipe recipe = ((TrainFromScratchEvaluator) evaluator).recipe();
    Path work = dir.resolve("cell").resolve(TrainFromScratchEvaluator.workName(k3, 2, recipe));
    AtomicInteger epochs = new AtomicInteger();
    TrainingListenerAdapter kill =
        new TrainingListenerAdapter() {
          @Override
          public void onEpochEnd(EpochMetrics m) {
            if (epochs.incrementAndGet() == 2) {
              throw new IllegalStateException("killed");
            }
          }
        };
    assertThatThrownBy(
            () -> new ScratchTrainer(recipe).train(space.network(k3, recipe.shape(space)), 2, Optional.of(work), kill))
        .hasMessage("killed");
    assertThat(work.resolve(ScratchTrainer.CHECKPOINT)).exists();
    assertThat(withoutTime(evaluator.evaluate(k3, 2, dir.resolve("cell")))).isEqualTo(withoutTime(whole));
    assertThat(work.resolve(ScratchTrainer.CHECKPOINT)).doesNotExist();
  }

  @Test
  void cellsOnSeveralThreadsTakeTurns() throws Exception {
    // the host's local backend runs cells on threads; PyTorch has one gradient collector per JVM
    Evaluator evaluator = evaluator("checkpoint-dir = null");
    TinySpace space = new TinySpace();
    Evaluation alone = evaluator.evaluate(space.decode(new int[] {1}), 9);
    var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
    try {
      var a = pool.submit(() -> evaluator.evaluate(space.decode(new int[] {1}), 9));
      var b = pool.submit(() -> evaluator.evaluate(space.decode(new int[] {0}), 9));
      assertThat(withoutTime(a.get())).isEqualTo(withoutTime(alone));
      assertThat(b.get().accuracy()).isPositive();
    } finally {
      pool.shutdown();
    }
  }

  @Test
  void refusesASpaceThatCannotBuildNetworks() {
    Config reference = ConfigFactory.parseResources("reference.conf").resolve().getConfig(SECTION);
    org.evalnas.api.space.SearchSpace notTrainable =
        (org.evalnas.api.space.SearchSpace)
            java.lang.reflect.Proxy.newProxyInstance(
                getClass().getClassLoader(),
                new Class<?>[] {org.evalnas.api.space.SearchSpace.class},
                (proxy, method, args) -> method.getName().equals("name") ? "plain" : null);
    assertThatThrownBy(
            () -> new TrainFromScratchProvider().create(notTrainable, Optional.empty(), new Context(reference, dir)))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("cannot build networks");
  }
}
