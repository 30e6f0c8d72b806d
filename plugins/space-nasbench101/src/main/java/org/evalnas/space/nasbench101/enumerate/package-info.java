/**
 * Every unique NAS-Bench-101 cell, fast.
 *
 * <p>{@link org.evalnas.space.nasbench101.enumerate.CellEnumerator} walks the same candidates as
 * the official generator ({@code nasbench/scripts/generate_graphs.py}: for V = 2.., every
 * upper-triangular bit mask in ascending order, kept when every vertex lies on an input-output
 * path and it has at most 9 edges; then every labelling of the interior vertices), but hashes
 * only the first member of each isomorphism class in that order, which it recognises from the
 * matrix's symmetries without hashing. The result, a {@link
 * org.evalnas.space.nasbench101.enumerate.CellCatalog}, is therefore exactly the official
 * generator's output: the same cells (its representatives) in the same order.
 */
package org.evalnas.space.nasbench101.enumerate;
