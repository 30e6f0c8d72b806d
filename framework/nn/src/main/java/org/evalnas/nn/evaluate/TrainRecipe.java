package org.evalnas.nn.evaluate;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import org.evalnas.api.InputException;
import org.evalnas.nn.data.DatasetId;
import org.evalnas.nn.device.DeviceChoice;
import org.evalnas.nn.training.TrainingOptions;

/**
 * How an architecture is trained from scratch: the data, the network's size and the
 * optimizer's hyper-parameters. Read from a config section whose keys and defaults the owning
 * module's {@code reference.conf} declares (e.g. {@code evaluator.train-from-scratch}).
 *
 * @param dataset the dataset
 * @param dataDirectory where its files are, or empty for the standard places
 * @param trainImages how many of the training images (after the validation split) to train on;
 *     0 = all
 * @param testImages how many test images to report on; 0 = all
 * @param validationPortion share of the published training set held out for validation; the
 *     split is fixed (seed 0), the same for every architecture and repeat
 * @param channels stem channels; 0 = the space's paper value
 * @param stacks stacks of cells; 0 = the paper's
 * @param cellsPerStack cells per stack; 0 = the paper's
 * @param threads intra-op CPU threads of the engine (read once, when the engine loads)
 * @param options the optimizer's hyper-parameters (seed 0; each run sets its own)
 */
public record TrainRecipe(
    DatasetId dataset,
    Optional<Path> dataDirectory,
    int trainImages,
    int testImages,
    double validationPortion,
    int channels,
    int stacks,
    int cellsPerStack,
    int threads,
    TrainingOptions options) {

  /** The fixed seed of the validation split. */
  public static final long SPLIT_SEED = 0;

  /**
   * Reads a recipe from a config section with the keys {@code dataset, epochs, batch-size, lr,
   * min-lr, momentum, nesterov, weight-decay, warmup-epochs, label-smoothing, gradient-clip,
   * validation-portion, train-images, test-images, channels, stacks, cells-per-stack, device,
   * threads}.
   *
   * @param configPath where the section is in the whole config, for messages
   * @param dataDirectory the resolved {@code data-dir}, if set
   * @throws InputException naming the key when a value is missing, mistyped or out of range
   */
  public static TrainRecipe from(Config section, String configPath, Optional<Path> dataDirectory) {
    String key = null;
    try {
      key = "dataset";
      DatasetId dataset = DatasetId.parse(section.getString(key));
      key = "device";
      DeviceChoice device = DeviceChoice.parse(section.getString(key));
      key = "epochs";
      TrainingOptions.Builder b =
          TrainingOptions.builder().setEpochs(section.getInt(key)).optDevice(device);
      key = "batch-size";
      b.setBatchSize(section.getInt(key));
      key = "lr";
      b.setLearningRate(section.getDouble(key));
      key = "min-lr";
      b.optMinLearningRate(section.getDouble(key));
      key = "momentum";
      b.optMomentum(section.getDouble(key));
      key = "nesterov";
      b.optNesterov(section.getBoolean(key));
      key = "weight-decay";
      b.optWeightDecay(section.getDouble(key));
      key = "warmup-epochs";
      b.optWarmupEpochs(section.getInt(key));
      key = "label-smoothing";
      b.optLabelSmoothing(section.getDouble(key));
      key = "gradient-clip";
      b.optGradientClipNorm(section.getDouble(key));
      key = null;
      TrainingOptions options = b.build();
      key = "validation-portion";
      double portion = section.getDouble(key);
      if (!(portion >= 0 && portion < 1)) {
        throw new IllegalArgumentException("must be in [0, 1), was " + portion);
      }
      int trainImages = nonNegative(section, key = "train-images");
      int testImages = nonNegative(section, key = "test-images");
      int channels = nonNegative(section, key = "channels");
      int stacks = nonNegative(section, key = "stacks");
      int cells = nonNegative(section, key = "cells-per-stack");
      key = "threads";
      int threads = section.getInt(key);
      if (threads < 1) {
        throw new IllegalArgumentException("must be at least 1, was " + threads);
      }
      return new TrainRecipe(
          dataset, dataDirectory, trainImages, testImages, portion, channels, stacks, cells,
          threads, options);
    } catch (ConfigException | IllegalArgumentException e) {
      String where = configPath + (key == null ? "" : "." + key);
      String message = e instanceof ConfigException ce ? ce.getMessage() : e.getMessage();
      throw new InputException(null, "key " + where, message, e);
    } catch (InputException e) {
      throw new InputException(null, "key " + configPath + "." + key, e.getMessage(), e);
    }
  }

  private static int nonNegative(Config section, String key) {
    int v = section.getInt(key);
    if (v < 0) {
      throw new IllegalArgumentException("must not be negative, was " + v);
    }
    return v;
  }

  /** The network's shape for a space: its paper shape with this recipe's sizes. */
  public NetworkShape shape(TrainableSpace space) {
    return space
        .paperShape(dataset.channels(), dataset.classes())
        .override(channels, stacks, cellsPerStack);
  }

  /** Every value that changes what training gives, in a stable form. */
  public String describe() {
    return String.format(
        Locale.ROOT,
        "dataset=%s train-images=%d test-images=%d validation-portion=%s channels=%d stacks=%d"
            + " cells-per-stack=%d threads=%d %s",
        dataset.configName(), trainImages, testImages, validationPortion, channels, stacks,
        cellsPerStack, threads, options);
  }
}
