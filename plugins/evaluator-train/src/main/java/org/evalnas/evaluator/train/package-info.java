/**
 * The {@code train-from-scratch} evaluator: trains a chosen architecture with a recipe on any
 * space that implements {@link org.evalnas.nn.evaluate.TrainableSpace}.
 */
package org.evalnas.evaluator.train;
