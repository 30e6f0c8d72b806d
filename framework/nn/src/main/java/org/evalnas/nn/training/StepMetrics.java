package org.evalnas.nn.training;

/**
 * One training step.
 *
 * @param epoch the epoch (0-based)
 * @param step the step of the whole run (0-based)
 * @param loss the batch's mean loss
 * @param learningRate the learning rate used
 * @param gradientNorm the global gradient norm before clipping, NaN when clipping is off
 * @param seconds the step's wall time
 * @param images images its forward passes processed (the batch times the passes)
 */
public record StepMetrics(
    int epoch, long step, double loss, double learningRate, double gradientNorm, double seconds, int images) {}
