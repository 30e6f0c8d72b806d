/**
 * NAS-Bench-101 cell specs, exactly as the official {@code nasbench} code treats them.
 *
 * <p>A cell is an upper-triangular adjacency matrix over V vertices plus one operation per
 * vertex (vertex 0 is {@code input}, vertex V-1 is {@code output}). {@link
 * org.evalnas.space.nasbench101.spec.CellSpec#prune()} drops the vertices that lie on no
 * input-to-output path ({@code ModelSpec._prune}); {@link
 * org.evalnas.space.nasbench101.spec.CellValidator} applies {@code NASBench.is_valid} (at most 7
 * vertices and 9 edges after pruning, known operations) and names the reason when a cell is
 * invalid; {@link org.evalnas.space.nasbench101.spec.CellHasher} computes the official
 * isomorphism-invariant hash ({@code graph_util.hash_module}) that keys the benchmark; {@link
 * org.evalnas.space.nasbench101.spec.CellLabel} is the compact human-readable form.
 */
package org.evalnas.space.nasbench101.spec;
