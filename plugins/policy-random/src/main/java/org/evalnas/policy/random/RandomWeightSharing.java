package org.evalnas.policy.random;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.evalnas.api.policy.SearchOutcome;
import org.evalnas.api.space.Architecture;
import org.evalnas.api.space.Decision;
import org.evalnas.api.space.SearchSpace;
import org.evalnas.nn.search.SharedWeightChoice;
import org.evalnas.nn.search.WeightSharingContext;
import org.evalnas.nn.search.WeightSharingPolicy;

/**
 * Random search with weight sharing (Li and Talwalkar, UAI 2019; the seed paper's "WS
 * random"): each training step runs one path whose choices are drawn independently and
 * uniformly per decision (redrawn until the vector is valid), and after training a pool of
 * architectures drawn the same way is scored with the shared weights and the best chosen.
 * Drawing per decision, not per unique architecture, is what distinguishes it from SPOS here:
 * it is how the method samples, biases and all.
 */
public final class RandomWeightSharing implements WeightSharingPolicy {
  private final int poolSize;

  /** @param poolSize distinct architectures scored to choose from, at least 1 */
  public RandomWeightSharing(int poolSize) {
    this.poolSize = poolSize;
  }

  @Override
  public List<Architecture> trainingPaths(WeightSharingContext context) {
    return List.of(draw(context.space(), context.random()));
  }

  @Override
  public SearchOutcome choose(WeightSharingContext context) {
    SearchSpace space = context.space();
    long unique = space.uniqueSize().orElse(Long.MAX_VALUE);
    int n = (int) Math.min(poolSize == 0 ? 1000 : poolSize, unique);
    Map<String, Architecture> pool = new LinkedHashMap<>();
    while (pool.size() < n) {
      Architecture a = draw(space, context.random());
      pool.putIfAbsent(a.id(), a);
    }
    return SharedWeightChoice.best(context, List.copyOf(pool.values()));
  }

  /** A vector of independent uniform choices, redrawn until it decodes. */
  static Architecture draw(SearchSpace space, RandomGenerator random) {
    List<Decision> decisions = space.decisions();
    int[] choices = new int[decisions.size()];
    for (int attempt = 0; attempt < 1_000_000; attempt++) {
      for (int d = 0; d < choices.length; d++) {
        choices[d] = random.nextInt(decisions.get(d).size());
      }
      var decoded = space.tryDecode(choices);
      if (decoded.isPresent()) {
        return decoded.get();
      }
    }
    throw new IllegalStateException("a million uniform vectors of " + space.name() + " were all invalid");
  }
}
