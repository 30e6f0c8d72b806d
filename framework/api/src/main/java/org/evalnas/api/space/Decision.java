package org.evalnas.api.space;

import java.util.List;

/**
 * One categorical choice of a search space: an edge's operation, a vertex's input, ...
 *
 * <p>Every space exposes its architectures as a vector of such choices, so that generic
 * policies (random, evolution, ENAS, DARTS, ...) work on any space through one encoding.
 *
 * @param name a name unique within the space, e.g. {@code edge-1<-0}
 * @param options the option labels; a choice is an index into this list
 */
public record Decision(String name, List<String> options) {

  public Decision {
    options = List.copyOf(options);
    if (options.isEmpty()) {
      throw new IllegalArgumentException("decision " + name + " has no options");
    }
  }

  /** The number of options. */
  public int size() {
    return options.size();
  }
}
