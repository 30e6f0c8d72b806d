package org.evalnas.nn.evaluate;

/**
 * The size of a space's network, apart from the cell: small values train on a CPU, the
 * paper's run on a GPU.
 *
 * @param inputChannels channels of the input images (1 for Fashion-MNIST, 3 for CIFAR)
 * @param classes outputs of the classifier
 * @param channels channels of the stem (and of the first stack)
 * @param stacks stacks (stages) of cells; channels double and the resolution halves between
 *     two stacks
 * @param cellsPerStack cells in each stack
 */
public record NetworkShape(int inputChannels, int classes, int channels, int stacks, int cellsPerStack) {

  public NetworkShape {
    if (inputChannels < 1 || classes < 1 || channels < 1 || stacks < 1 || cellsPerStack < 1) {
      throw new IllegalArgumentException(
          "every value of a network shape must be at least 1: input channels " + inputChannels
              + ", classes " + classes + ", channels " + channels + ", stacks " + stacks
              + ", cells per stack " + cellsPerStack);
    }
  }

  /** This shape with the sizes a recipe sets; a value of 0 keeps this shape's. */
  public NetworkShape override(int channels, int stacks, int cellsPerStack) {
    return new NetworkShape(
        inputChannels,
        classes,
        channels > 0 ? channels : this.channels,
        stacks > 0 ? stacks : this.stacks,
        cellsPerStack > 0 ? cellsPerStack : this.cellsPerStack);
  }
}
