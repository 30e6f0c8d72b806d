package org.evalnas.nn.supernet;

import ai.djl.ndarray.NDArray;
import java.util.List;

/**
 * What the cells of a supernet run next: one architecture's single path, in the space's own
 * terms, or a weighted mixture of every operation. A supernet sets it in {@link
 * Supernet#activate} or {@link Supernet#mix}; all of its cells share the instance and read it in
 * their forward pass.
 *
 * @param <P> how the space describes a single path (a pruned cell, say)
 */
public final class ActivePath<P> {
  private P path;
  private List<NDArray> weights;

  /** Runs {@code path} from now on. */
  public void single(P path) {
    this.path = path;
    this.weights = null;
  }

  /** Runs the mixture with these weights, one vector per decision, from now on. */
  public void mixture(List<NDArray> weights) {
    this.path = null;
    this.weights = List.copyOf(weights);
  }

  /**
   * The single path, or null while a mixture is active.
   *
   * @throws IllegalStateException when neither a path nor a mixture was activated yet
   */
  public P path() {
    if (path == null && weights == null) {
      throw new IllegalStateException("activate a path or a mixture before running the supernet");
    }
    return path;
  }

  /** The mixture's weights, one vector per decision, or null while a single path is active. */
  public List<NDArray> weights() {
    return weights;
  }
}
