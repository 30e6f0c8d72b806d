package org.evalnas.nn.training;

/**
 * One finished epoch.
 *
 * @param epoch the epoch (0-based)
 * @param trainLoss mean loss over the epoch's batches
 * @param trainAccuracy share of the epoch's training images classified right, in [0, 1]
 *     (measured in training mode, on augmented images, while the weights moved)
 * @param validationAccuracy accuracy on the validation set after the epoch, NaN without one
 * @param learningRate the learning rate of the epoch's last step
 * @param stepSeconds mean wall time of a step
 * @param imagesPerSecond training images per second of step time
 */
public record EpochMetrics(
    int epoch,
    double trainLoss,
    double trainAccuracy,
    double validationAccuracy,
    double learningRate,
    double stepSeconds,
    double imagesPerSecond) {}
