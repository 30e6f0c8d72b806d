/**
 * Training an architecture from scratch with a recipe: the capability a space offers to build
 * its networks ({@link org.evalnas.nn.evaluate.TrainableSpace}), the recipe read from a config
 * section ({@link org.evalnas.nn.evaluate.TrainRecipe}) and the resumable trainer ({@link
 * org.evalnas.nn.evaluate.ScratchTrainer}) the {@code train-from-scratch} evaluator and the
 * benchmark builder share, and the images a recipe asks for ({@link
 * org.evalnas.nn.evaluate.RecipeData}), which the weight-sharing study reads too.
 */
package org.evalnas.nn.evaluate;
