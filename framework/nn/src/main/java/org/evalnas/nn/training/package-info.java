/**
 * The training loop: {@link org.evalnas.nn.training.TrainingSession} trains a DJL {@code Block}
 * on an image set with SGD (momentum or Nesterov, weight decay, gradient clipping by global
 * norm), a cosine learning-rate schedule with optional linear warm-up and optional label
 * smoothing, reports through a {@link org.evalnas.nn.training.TrainingListener}, and saves and
 * restores {@link org.evalnas.nn.checkpoint.Checkpoint}s.
 *
 * <p>Every step runs in its own {@code NDManager} sub-manager and {@code NDScope}, so the
 * arrays it makes are freed when it ends and memory stays flat over a run.
 */
package org.evalnas.nn.training;
