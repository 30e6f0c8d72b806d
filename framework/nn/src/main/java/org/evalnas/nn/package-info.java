/**
 * The deep-learning toolkit that plugins share, built on DJL with the PyTorch engine: device
 * choice ({@link org.evalnas.nn.device}), seeding ({@link org.evalnas.nn.seed}), image datasets
 * ({@link org.evalnas.nn.data}), the training loop ({@link org.evalnas.nn.training}) and
 * checkpoints ({@link org.evalnas.nn.checkpoint}).
 *
 * <p>DJL and its natives are host libraries: plugins declare this module and DJL {@code
 * provided} and load them parent-first, because a native library can be loaded by one class
 * loader only.
 */
package org.evalnas.nn;
