package org.evalnas.policy.fairnas;

import java.util.List;
import org.evalnas.api.policy.SearchOutcome;
import org.evalnas.api.space.Architecture;
import org.evalnas.nn.search.SharedWeightChoice;
import org.evalnas.nn.search.WeightSharingContext;
import org.evalnas.nn.search.WeightSharingPolicy;

/**
 * FairNAS with strict fairness: each step trains as many paths as a decision has operations,
 * together using every operation of every operation decision exactly once (the space draws
 * them, {@link org.evalnas.nn.supernet.SupernetSpace#strictlyFairPaths}); the runtime sums
 * their gradients before the step's one update. Chooses the best shared-weight score of its
 * evaluation pool.
 */
public final class StrictFairness implements WeightSharingPolicy {
  private final int poolSize;

  /** @param poolSize architectures scored to choose from; 0 = the whole space */
  public StrictFairness(int poolSize) {
    this.poolSize = poolSize;
  }

  @Override
  public List<Architecture> trainingPaths(WeightSharingContext context) {
    return context.supernetSpace().strictlyFairPaths(context.random());
  }

  @Override
  public SearchOutcome choose(WeightSharingContext context) {
    return SharedWeightChoice.best(context, SharedWeightChoice.uniformPool(context, poolSize));
  }
}
