package org.evalnas.space.nasbench101.tfrecord;

/**
 * What a query of the benchmark returns, as the official {@code NASBench.query} does
 * (accuracies as fractions, as stored).
 *
 * @param trainableParameters the cell's parameter count
 * @param trainingTime seconds of training up to the evaluation
 * @param trainAccuracy fraction
 * @param validationAccuracy fraction
 * @param testAccuracy fraction
 */
public record BenchmarkQuery(int trainableParameters, double trainingTime, double trainAccuracy,
    double validationAccuracy, double testAccuracy) {}
