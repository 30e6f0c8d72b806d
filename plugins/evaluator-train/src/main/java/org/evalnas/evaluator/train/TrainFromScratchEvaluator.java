package org.evalnas.evaluator.train;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.evalnas.api.eval.Evaluation;
import org.evalnas.api.eval.Evaluator;
import org.evalnas.api.space.Architecture;
import org.evalnas.nn.evaluate.ScratchTrainer;
import org.evalnas.nn.evaluate.TrainRecipe;
import org.evalnas.nn.evaluate.TrainResult;
import org.evalnas.nn.evaluate.TrainableSpace;
import org.evalnas.nn.training.TrainingListener;

/**
 * Trains an architecture from scratch with the recipe and the evaluation's seed; its accuracy is
 * the test accuracy, its details the validation and test accuracy (percent), the trainable
 * parameters, the seconds and the epochs. Each evaluation keeps its epoch checkpoint in a
 * subdirectory named by the architecture, the seed and the recipe, of the configured {@code
 * checkpoint-dir} or else of the work directory the host gives (inside the cell's results), so
 * a killed evaluation resumes where it stopped; the files go when it finishes.
 */
final class TrainFromScratchEvaluator implements Evaluator {
  private final TrainableSpace space;
  private final ScratchTrainer trainer;
  private final Optional<Path> checkpoints;

  TrainFromScratchEvaluator(TrainableSpace space, TrainRecipe recipe, Optional<Path> checkpoints) {
    this.space = space;
    this.trainer = new ScratchTrainer(recipe);
    this.checkpoints = checkpoints;
  }

  /** The recipe. */
  TrainRecipe recipe() {
    return trainer.recipe();
  }

  @Override
  public Evaluation evaluate(Architecture architecture, long seed) {
    return evaluate(architecture, seed, checkpoints);
  }

  @Override
  public Evaluation evaluate(Architecture architecture, long seed, Path workDirectory) {
    return evaluate(architecture, seed, checkpoints.or(() -> Optional.of(workDirectory)));
  }

  private Evaluation evaluate(Architecture architecture, long seed, Optional<Path> directory) {
    TrainRecipe recipe = trainer.recipe();
    Optional<Path> work = directory.map(d -> d.resolve(workName(architecture, seed, recipe)));
    TrainResult r =
        trainer.train(
            space.network(architecture, recipe.shape(space)), seed, work, TrainingListener.none());
    work.ifPresent(
        w -> {
          ScratchTrainer.clear(w);
          try {
            java.nio.file.Files.deleteIfExists(w);
          } catch (java.io.IOException e) {
            // an empty directory left behind does no harm
          }
        });
    return new Evaluation(
        r.testAccuracy(),
        Map.of(
            "validation_accuracy", r.validationAccuracy(),
            "test_accuracy", r.testAccuracy(),
            "parameters", (double) r.parameters(),
            "seconds", r.seconds(),
            "epochs", (double) r.epochs()));
  }

  /** A file name for (architecture, seed, recipe): ids may hold characters paths do not. */
  static String workName(Architecture architecture, long seed, TrainRecipe recipe) {
    String key = architecture.id() + Arrays.toString(architecture.choices()) + seed + recipe.describe();
    return "seed-" + seed + "-" + UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8));
  }
}
