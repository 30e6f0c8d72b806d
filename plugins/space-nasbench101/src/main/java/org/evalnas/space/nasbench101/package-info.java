/**
 * The NAS-Bench-101 search space (Ying et al., ICML 2019) as the seed paper uses it.
 *
 * <p>A cell is a DAG of at most 7 vertices and 9 edges between an input and an output, each
 * interior vertex a 3x3 convolution, a 1x1 convolution or a 3x3 max-pool; the 423,624 unique
 * cells are identified by the official hash. {@link org.evalnas.space.nasbench101.Nb101Space}
 * exposes them through the general edge encoding or the seed paper's one-parent encoding; the
 * official cell rules are in {@code .spec}, the enumeration in {@code .enumerate}, the
 * ground truth in {@code .truth} and the {@code evalnas nasbench101} command in {@code .cli}.
 */
package org.evalnas.space.nasbench101;
