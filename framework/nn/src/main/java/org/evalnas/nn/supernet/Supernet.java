package org.evalnas.nn.supernet;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Block;
import java.util.List;
import org.evalnas.api.space.Architecture;

/**
 * One set of shared weights for every architecture of a space. Its {@link #block()} maps a
 * batch of images {@code (N, C, H, W)} to logits {@code (N, classes)} through whatever is
 * active: a single path ({@link #activate}) or a weighted mixture of all paths ({@link #mix}).
 * A single path computes the same function as the space's standalone network of that
 * architecture given the same weights.
 *
 * <p>Not thread-safe: what is active is state of the supernet.
 */
public interface Supernet {

  /** The network, uninitialized until a training session initializes it. */
  Block block();

  /**
   * Runs {@code architecture}'s path from now on.
   *
   * @throws org.evalnas.api.space.InvalidArchitectureException when it is not of this space
   */
  void activate(Architecture architecture);

  /**
   * Runs the weighted mixture of every path from now on (DARTS, FBNet): one weight vector per
   * decision of the space, in the space's order, one weight per option. The weights may carry
   * gradients; the supernet keeps the arrays until the next {@code activate} or {@code mix}.
   *
   * @throws IllegalArgumentException when the vectors do not match the decisions
   */
  void mix(List<NDArray> weights);

  /** The batch-norm update mode all of its batch-norm layers share. */
  BatchNormMode batchNorm();
}
