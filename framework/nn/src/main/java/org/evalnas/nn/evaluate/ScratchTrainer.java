package org.evalnas.nn.evaluate;

import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.Optional;
import org.evalnas.api.InputException;
import org.evalnas.nn.data.DataSplit;
import org.evalnas.nn.device.EngineSettings;
import org.evalnas.nn.training.AmbientTrainingListener;
import org.evalnas.nn.training.EpochMetrics;
import org.evalnas.nn.training.TrainingListener;
import org.evalnas.nn.training.TrainingLock;
import org.evalnas.nn.training.TrainingOptions;
import org.evalnas.nn.training.TrainingSession;

/**
 * Trains networks from scratch with one {@link TrainRecipe}, resumably.
 *
 * <p>The dataset is read once, on first use, and split once (the validation split is fixed, so
 * every architecture and repeat sees the same images). Given a work directory, a run writes a
 * checkpoint there after every epoch ({@code checkpoint.bin}, atomically, with the wall time
 * so far in {@code checkpoint.seconds}); a run that finds one continues from it, bit-identical
 * on the CPU to a run that never stopped. The caller deletes the directory's files once it
 * has kept the result ({@link #clear(Path)}).
 *
 * <p>PyTorch allows one gradient collector at a time per JVM, so runs of all trainers queue on
 * one JVM-wide lock: when the host runs cells on several threads, their trainings take turns
 * (run training cells in parallel as separate processes). A trainer is not itself thread-safe.
 */
public final class ScratchTrainer {
  /** The checkpoint's file name in a work directory. */
  public static final String CHECKPOINT = "checkpoint.bin";

  private static final String SECONDS = "checkpoint.seconds";

  private final TrainRecipe recipe;
  private final RecipeData data;

  /**
   * Sets the engine's properties (offline, the recipe's threads) unless they are set already;
   * they take effect only if the engine has not loaded yet.
   */
  public ScratchTrainer(TrainRecipe recipe) {
    this.recipe = recipe;
    this.data = new RecipeData(recipe);
    EngineSettings.applyDefaults(recipe.threads());
  }

  /** The recipe. */
  public TrainRecipe recipe() {
    return recipe;
  }

  /**
   * Trains {@code network} (uninitialized) with the recipe and {@code seed}, then scores it on
   * the validation and test images.
   *
   * @param workDirectory where to keep the epoch checkpoint, or empty for none
   * @param listener hears the training's progress
   * @throws InputException when the work directory holds a checkpoint of another setup
   */
  public TrainResult train(
      Block network, long seed, Optional<Path> workDirectory, TrainingListener listener) {
    TrainingLock.JVM.lock();
    try {
      return trainAlone(network, seed, workDirectory, listener);
    } finally {
      TrainingLock.JVM.unlock();
    }
  }

  private TrainResult trainAlone(
      Block network, long seed, Optional<Path> workDirectory, TrainingListener listener) {
    DataSplit split = data.split();
    TrainingOptions options = recipe.options().withSeed(seed);
    long begin = System.nanoTime();
    double before = 0;
    Optional<Path> checkpoint = workDirectory.map(d -> d.resolve(CHECKPOINT));
    try (TrainingSession session =
        TrainingSession.builder()
            .setBlock(network)
            .setTrainingSet(split.train())
            .setOptions(options)
            .optNormalization(recipe.dataset().normalization())
            .optAugmentation(recipe.dataset().trainingAugmentation())
            .optListener(TrainingListener.both(listener, AmbientTrainingListener.current()))
            .build()) {
      if (checkpoint.isPresent() && Files.isRegularFile(checkpoint.get())) {
        session.restoreCheckpoint(checkpoint.get());
        before = readSeconds(workDirectory.get().resolve(SECONDS));
      }
      while (!session.finished()) {
        int perEpoch = session.stepsPerEpoch();
        session.trainSteps(perEpoch - session.step() % perEpoch);
        if (checkpoint.isPresent()) {
          save(session, workDirectory.get(), before + (System.nanoTime() - begin) / 1e9);
        }
      }
      double validation =
          split.validation().size() == 0 ? Double.NaN : 100 * session.evaluate(split.validation());
      double test = 100 * session.evaluate(split.test());
      double seconds = before + (System.nanoTime() - begin) / 1e9;
      double loss = session.lastEpoch().map(EpochMetrics::trainLoss).orElse(Double.NaN);
      return new TrainResult(
          validation, test, trainableParameters(session.block()), seconds, options.epochs(), loss);
    }
  }

  /** Deletes the checkpoint files of a work directory (not the directory). */
  public static void clear(Path workDirectory) {
    try {
      Files.deleteIfExists(workDirectory.resolve(CHECKPOINT));
      Files.deleteIfExists(workDirectory.resolve(SECONDS));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The trainable parameters of an initialized network (batch-norm statistics excluded). */
  public static long trainableParameters(Block block) {
    long n = 0;
    for (Pair<String, Parameter> p : block.getParameters()) {
      if (p.getValue().requiresGradient()) {
        n += p.getValue().getArray().size();
      }
    }
    return n;
  }

  private static void save(TrainingSession session, Path dir, double seconds) {
    try {
      Files.createDirectories(dir);
      session.saveCheckpoint(dir.resolve(CHECKPOINT));
      Path tmp = dir.resolve(SECONDS + ".tmp");
      Files.writeString(tmp, String.format(Locale.ROOT, "%.3f%n", seconds), StandardCharsets.UTF_8);
      Files.move(tmp, dir.resolve(SECONDS), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the checkpoint in " + dir, e);
    }
  }

  private static double readSeconds(Path file) {
    try {
      return Files.isRegularFile(file) ? Double.parseDouble(Files.readString(file).trim()) : 0;
    } catch (IOException | NumberFormatException e) {
      return 0;
    }
  }
}
