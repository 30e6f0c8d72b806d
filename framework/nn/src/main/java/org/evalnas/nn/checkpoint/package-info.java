/**
 * Training checkpoints: a {@link org.evalnas.nn.checkpoint.Checkpoint} holds the parameters,
 * the optimizer state, the counters (epoch, batch, step) and the root seed from which every
 * random stream is derived, and is written atomically (a temporary file, then a rename), so a
 * crash leaves the previous checkpoint or the new one, never half of one.
 */
package org.evalnas.nn.checkpoint;
