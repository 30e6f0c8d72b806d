/**
 * NAS-Bench-101 ground truth ({@code ground-truth.nasbench101}), keyed by the official hash.
 *
 * <p>{@link org.evalnas.space.nasbench101.truth.Nb101GroundTruthProvider} opens the official
 * {@code .tfrecord} file (records are the mean of a cell's runs at 108 epochs; the runs
 * themselves are in {@link org.evalnas.space.nasbench101.tfrecord.BenchmarkTable}) or a
 * JSON-lines table ({@link org.evalnas.space.nasbench101.truth.JsonlTableReader}: one cell a
 * line with {@code hash}, {@code matrix}, {@code ops} and metric fields, every hash checked
 * against its cell). A table that covers only some cells is a partial benchmark whose lookups
 * of the other cells are empty. Accuracies are reported in percent: the official file's
 * fractions are multiplied by 100, and so is a table's accuracy column whose values all lie in
 * [0, 1].
 */
package org.evalnas.space.nasbench101.truth;
