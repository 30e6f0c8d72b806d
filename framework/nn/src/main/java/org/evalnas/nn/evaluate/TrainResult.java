package org.evalnas.nn.evaluate;

/**
 * What training one architecture once gave.
 *
 * @param validationAccuracy accuracy on the held-out validation images after the last epoch,
 *     percent (NaN without a validation set)
 * @param testAccuracy accuracy on the test images after the last epoch, percent
 * @param parameters trainable parameters of the network
 * @param seconds wall time of training and evaluation, summed over resumed parts
 * @param epochs epochs trained
 * @param trainLoss mean training loss of the last epoch
 */
public record TrainResult(
    double validationAccuracy,
    double testAccuracy,
    long parameters,
    double seconds,
    int epochs,
    double trainLoss) {}
