package org.evalnas.nn.search;

import org.evalnas.api.policy.Score;
import org.evalnas.api.policy.SearchContext;
import org.evalnas.nn.supernet.SupernetSpace;

/** What a {@link WeightSharingPolicy} gets from the runtime for one (policy, seed) cell. */
public interface WeightSharingContext extends SearchContext {

  /** The space, with its supernet capability. */
  SupernetSpace supernetSpace();

  /** The training epoch under way (0-based), or the number of epochs once training is over. */
  int epoch();

  /** Training epochs in all. */
  int epochs();

  /**
   * The architecture's accuracy (percent) on the validation images with the shared weights:
   * batch norm in inference mode, its statistics recalibrated for the architecture first when
   * the experiment asks for it. Does not change the weights; the same call gives the same
   * score.
   */
  Score score(org.evalnas.api.space.Architecture architecture);
}
