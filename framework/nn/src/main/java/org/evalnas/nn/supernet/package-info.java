/**
 * Weight sharing in DJL terms: a {@link org.evalnas.nn.supernet.Supernet} holds one set of
 * weights that runs any single path of a space or a weighted mixture of paths; {@link
 * org.evalnas.nn.supernet.SupernetSpace} is the capability a space plugin offers to build one;
 * {@link org.evalnas.nn.supernet.SharedWeightEvaluator} scores architectures with the shared
 * weights (eval-mode batch norm, optional per-architecture recalibration); the blocks here
 * ({@link org.evalnas.nn.supernet.SlicedConvBnRelu}, {@link
 * org.evalnas.nn.supernet.SupernetBatchNorm}) let spaces build supernets whose paths use a
 * slice of a layer's channels.
 */
package org.evalnas.nn.supernet;
