/**
 * NAS-Bench-101 ground truth ({@code ground-truth.nasbench101}), keyed by the official hash.
 *
 * <p>{@link org.evalnas.space.nasbench101.truth.JsonlTableReader} reads a JSON-lines table (one
 * cell a line: {@code hash}, {@code matrix}, {@code ops} and metric fields), checking every
 * hash against its cell; a table that covers only some cells is a partial benchmark whose
 * lookups of the other cells are empty. Accuracies are reported in percent: an accuracy column
 * whose values all lie in [0, 1] is read as fractions and multiplied by 100.
 */
package org.evalnas.space.nasbench101.truth;
