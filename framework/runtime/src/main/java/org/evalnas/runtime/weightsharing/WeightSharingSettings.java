package org.evalnas.runtime.weightsharing;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import org.evalnas.api.InputException;
import org.evalnas.nn.evaluate.TrainRecipe;
import org.evalnas.runtime.ranking.RankingOptions;

/**
 * The settings of the weight-sharing stage ({@code experiment.weight-sharing}, documented in
 * the runtime's {@code reference.conf}).
 *
 * @param recipe how supernets train (data, network size, optimizer)
 * @param evaluationEpochs after which epochs (1-based) the evaluation sample is scored; always
 *     holds the last epoch
 * @param sampleSize architectures in the evaluation sample; 0 = the whole space
 * @param validationImages validation images the shared weights are scored on; 0 = all
 * @param recalibrationBatches training batches batch norm is recalibrated on per
 *     architecture before it is scored; 0 = none
 * @param ranking what the ranking comparison computes
 */
public record WeightSharingSettings(
    TrainRecipe recipe,
    SortedSet<Integer> evaluationEpochs,
    int sampleSize,
    int validationImages,
    int recalibrationBatches,
    RankingOptions ranking) {

  /** The section's path. */
  public static final String SECTION = "experiment.weight-sharing";

  /**
   * Reads the section.
   *
   * @param configFile the experiment file, against which {@code data-dir} resolves
   * @throws InputException naming the key when a value is out of range
   */
  public static WeightSharingSettings from(Config config, Path configFile) {
    Config section = config.getConfig(SECTION);
    String training = SECTION + ".training";
    Optional<Path> dataDir =
        section.getIsNull("training.data-dir")
            ? Optional.empty()
            : Optional.of(resolve(configFile, section.getString("training.data-dir")));
    TrainRecipe recipe =
        TrainRecipe.from(section.getConfig("training").withoutPath("data-dir"), training, dataDir);
    String key = null;
    try {
      key = "evaluation.epochs";
      SortedSet<Integer> epochs = new TreeSet<>();
      for (int e : section.getIntList(key)) {
        if (e < 1 || e > recipe.options().epochs()) {
          throw new IllegalArgumentException(
              "epoch " + e + " is not one of the " + recipe.options().epochs() + " training epochs");
        }
        epochs.add(e);
      }
      epochs.add(recipe.options().epochs());
      int sample = nonNegative(section, key = "evaluation.sample");
      int images = nonNegative(section, key = "evaluation.validation-images");
      int recalibration = nonNegative(section, key = "evaluation.recalibration-batches");
      key = "ranking";
      RankingOptions ranking =
          new RankingOptions(
              section.getIntList("ranking.precision-at-k"),
              section.getDouble("ranking.top-fraction"),
              section.getDouble("ranking.truth-precision"));
      return new WeightSharingSettings(recipe, epochs, sample, images, recalibration, ranking);
    } catch (ConfigException | IllegalArgumentException e) {
      throw new InputException(configFile, "key " + SECTION + "." + key, e.getMessage(), e);
    }
  }

  private static int nonNegative(Config section, String key) {
    int v = section.getInt(key);
    if (v < 0) {
      throw new IllegalArgumentException("must not be negative, was " + v);
    }
    return v;
  }

  private static Path resolve(Path configFile, String path) {
    Path p = Path.of(path);
    return p.isAbsolute() || configFile == null ? p : configFile.toAbsolutePath().getParent().resolve(p);
  }

  /** Every value that changes what the stage computes, for checkpoint identities. */
  public String describe() {
    return recipe.describe() + " evaluation-epochs=" + List.copyOf(evaluationEpochs) + " sample=" + sampleSize
        + " validation-images=" + validationImages + " recalibration-batches=" + recalibrationBatches;
  }
}
