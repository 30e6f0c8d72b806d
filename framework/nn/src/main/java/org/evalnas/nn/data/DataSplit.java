package org.evalnas.nn.data;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.evalnas.nn.seed.Seeds;

/**
 * The three sets of an experiment: the training set and a validation set drawn from the
 * published training set by a seeded permutation, and the published test set, which is for
 * reporting only (searching on it would leak the test labels into the search).
 *
 * @param train what networks are trained on
 * @param validation what search and model selection score on
 * @param test what the final numbers are reported on
 */
public record DataSplit(ImageSet train, ImageSet validation, ImageSet test) {

  /**
   * Splits a dataset's training set.
   *
   * @param validationPortion the share of the training set held out for validation, in [0, 1)
   * @param seed the permutation's seed; the same seed gives the same split
   */
  public static DataSplit of(ImageDataset dataset, double validationPortion, long seed) {
    if (!(validationPortion >= 0 && validationPortion < 1)) {
      throw new IllegalArgumentException(
          "validation portion must be in [0, 1), was " + validationPortion);
    }
    int n = dataset.train().size();
    int[] permutation = new int[n];
    Arrays.setAll(permutation, i -> i);
    SplittableRandom random = Seeds.random(seed, "split");
    for (int i = n - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = permutation[i];
      permutation[i] = permutation[j];
      permutation[j] = t;
    }
    int held = (int) Math.round(n * validationPortion);
    int[] validation = Arrays.copyOfRange(permutation, 0, held);
    int[] train = Arrays.copyOfRange(permutation, held, n);
    // keep the published order inside each part; the batcher shuffles per epoch
    Arrays.sort(validation);
    Arrays.sort(train);
    return new DataSplit(
        dataset.train().subset(train), dataset.train().subset(validation), dataset.test());
  }
}
