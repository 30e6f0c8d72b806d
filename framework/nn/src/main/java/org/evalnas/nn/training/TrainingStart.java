package org.evalnas.nn.training;

/**
 * What a run is about to do.
 *
 * @param epochs epochs of the whole run
 * @param stepsPerEpoch batches per epoch
 * @param parameters trainable parameters (numbers, not tensors)
 * @param device where it runs, e.g. {@code cpu()} or {@code gpu(0)}
 * @param resumedAtStep the step it starts from: 0, or where a checkpoint left off
 */
public record TrainingStart(
    int epochs, int stepsPerEpoch, long parameters, String device, long resumedAtStep) {}
