package org.evalnas.policy.random;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.evalnas.api.checkpoint.CheckpointStore;
import org.evalnas.api.checkpoint.ScoreCodec;
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
 *
 * <p>Its state is what it has scored; it checkpoints that whenever the context's {@link
 * CheckpointStore} says so and resumes from it, ending exactly as an uninterrupted search.
 */
public final class RandomSearch implements BlackBoxPolicy {

  @Override
  public SearchOutcome search(BlackBoxContext context) {
    CheckpointStore checkpoints = context.checkpoints();
    List<Score> scored =
        new ArrayList<>(
            checkpoints
                .read(in -> ScoreCodec.read(new DataInputStream(in), context.space()))
                .orElse(List.of()));
    // checking before each query means the context never has to refuse one
    while (context.hasBudget()) {
      scored.add(context.evaluate(context.space().sampleUniform(context.random())));
      if (checkpoints.due(context.queriesUsed())) {
        checkpoints.save(out -> ScoreCodec.write(new DataOutputStream(out), scored));
      }
    }
    return SearchOutcome.bestOf(scored);
  }
}
