package org.evalnas.nn.evaluate;

import ai.djl.nn.Block;
import org.evalnas.api.space.Architecture;

/**
 * A search space whose architectures can be built as networks and trained. A space plugin's
 * {@link org.evalnas.api.space.SearchSpace} implements it in addition; evaluators that train
 * ask for it with {@code instanceof}, so they need no other plugin.
 */
public interface TrainableSpace {

  /**
   * The size of the network in the space's paper (e.g. NAS-Bench-101: 128 stem channels, 3
   * stacks of 3 cells), for images with {@code inputChannels} channels and {@code classes}
   * classes.
   */
  NetworkShape paperShape(int inputChannels, int classes);

  /**
   * A new, uninitialized network for {@code architecture}: it takes a batch of images {@code
   * (N, inputChannels, H, W)} and gives the logits {@code (N, classes)}.
   *
   * @throws org.evalnas.api.space.InvalidArchitectureException when the architecture is not
   *     one of this space
   */
  Block network(Architecture architecture, NetworkShape shape);
}
