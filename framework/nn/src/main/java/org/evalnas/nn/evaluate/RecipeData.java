package org.evalnas.nn.evaluate;

import org.evalnas.nn.data.DataSplit;
import org.evalnas.nn.data.DatasetLoader;
import org.evalnas.nn.data.ImageDataset;
import org.evalnas.nn.data.ImageSet;

/**
 * The training, validation and test images a {@link TrainRecipe} asks for: its dataset, found as
 * {@link DatasetLoader} finds it, split by the recipe's validation portion and the fixed split
 * seed, cut to the recipe's image counts. Read once, on first use, and shared by every run that
 * holds this instance.
 */
public final class RecipeData {
  private final TrainRecipe recipe;
  private DataSplit split;

  public RecipeData(TrainRecipe recipe) {
    this.recipe = recipe;
  }

  /** The images (read on first use). */
  public synchronized DataSplit split() {
    if (split == null) {
      DatasetLoader.Builder loader = DatasetLoader.builder();
      recipe.dataDirectory().ifPresent(loader::optDirectory);
      ImageDataset dataset = loader.build().load(recipe.dataset());
      DataSplit all = DataSplit.of(dataset, recipe.validationPortion(), TrainRecipe.SPLIT_SEED);
      ImageSet train = recipe.trainImages() > 0 ? all.train().head(recipe.trainImages()) : all.train();
      ImageSet test = recipe.testImages() > 0 ? all.test().head(recipe.testImages()) : all.test();
      split = new DataSplit(train, all.validation(), test);
    }
    return split;
  }
}
