/**
 * Seeding. Every random stream of a training run is derived from one root seed and a counter
 * ({@link org.evalnas.nn.seed.Seeds}): the data order of an epoch, the augmentation of a
 * batch, the engine's generator for a step. A stream's state is therefore the root seed and
 * the counter, which a checkpoint stores, and a resumed run continues exactly.
 */
package org.evalnas.nn.seed;
