package org.evalnas.nn.search;

import java.util.List;
import org.evalnas.api.policy.SearchOutcome;
import org.evalnas.api.policy.SearchPolicy;
import org.evalnas.api.space.Architecture;

/**
 * A policy that searches by training one weight-sharing supernet (SPOS, FairNAS, weight-sharing
 * random search). The runtime owns the training loop, the data, the checkpoints and the ranking
 * study; the policy says which paths each step trains and, once training is over, which
 * architecture it chooses.
 *
 * <p>Draw randomness from {@link WeightSharingContext#random()} only: the runtime checkpoints
 * its state with the supernet's, so a resumed cell continues exactly.
 */
public interface WeightSharingPolicy extends SearchPolicy {

  /**
   * The paths of the next training step. Their gradients are summed before the step's one
   * update (FairNAS's accumulation); one path is a plain single-path step.
   */
  List<Architecture> trainingPaths(WeightSharingContext context);

  /**
   * Chooses after the supernet is trained, from shared-weight scores ({@link
   * WeightSharingContext#score}).
   *
   * @return the choice and the policy's ranking of what it scored
   */
  SearchOutcome choose(WeightSharingContext context);
}
