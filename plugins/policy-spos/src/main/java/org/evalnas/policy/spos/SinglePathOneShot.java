package org.evalnas.policy.spos;

import java.util.List;
import org.evalnas.api.policy.SearchOutcome;
import org.evalnas.api.space.Architecture;
import org.evalnas.nn.search.SharedWeightChoice;
import org.evalnas.nn.search.WeightSharingContext;
import org.evalnas.nn.search.WeightSharingPolicy;

/**
 * SPOS: each training step runs one path drawn uniformly over the unique architectures of the
 * space (the paper draws each choice uniformly, which on a space with invalid or isomorphic
 * encodings, such as NAS-Bench-101's, favours some cells; uniform over cells is what "every
 * architecture equally trained" means there). After training it scores an evaluation pool with
 * the shared weights and chooses the best; SPOS's evolutionary search over shared-weight scores
 * is this with the pool as the whole (small) space.
 */
public final class SinglePathOneShot implements WeightSharingPolicy {
  private final int poolSize;

  /** @param poolSize architectures scored to choose from; 0 = the whole space */
  public SinglePathOneShot(int poolSize) {
    this.poolSize = poolSize;
  }

  @Override
  public List<Architecture> trainingPaths(WeightSharingContext context) {
    return List.of(context.space().sampleUniform(context.random()));
  }

  @Override
  public SearchOutcome choose(WeightSharingContext context) {
    return SharedWeightChoice.best(context, SharedWeightChoice.uniformPool(context, poolSize));
  }
}
