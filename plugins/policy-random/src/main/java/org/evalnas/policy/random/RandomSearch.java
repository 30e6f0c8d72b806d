package org.evalnas.policy.random;

import java.util.ArrayList;
import java.util.List;
import org.evalnas.api.policy.BlackBoxContext;
import org.evalnas.api.policy.BlackBoxPolicy;
import org.evalnas.api.policy.Score;
import org.evalnas.api.policy.SearchOutcome;

/**
 * Random search with a query budget: draws architectures uniformly over the unique
 * architectures of the space ({@link org.evalnas.api.space.SearchSpace#sampleUniform}), scores
 * each through the context while budget is left, and chooses the best score.
 *
 * <p>With a budget of one query it is the random baseline of Yu et al. (ICLR 2020): one
 * architecture drawn uniformly. Draws are independent, so an architecture may be queried twice;
 * that is what "random search" means in the benchmarks' own baselines.
 */
public final class RandomSearch implements BlackBoxPolicy {

  @Override
  public SearchOutcome search(BlackBoxContext context) {
    List<Score> scored = new ArrayList<>();
    // checking before each query means the context never has to refuse one
    while (context.hasBudget()) {
      scored.add(context.evaluate(context.space().sampleUniform(context.random())));
    }
    return SearchOutcome.bestOf(scored);
  }
}
