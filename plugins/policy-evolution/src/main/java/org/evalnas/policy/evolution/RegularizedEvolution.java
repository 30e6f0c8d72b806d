package org.evalnas.policy.evolution;

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
import org.evalnas.api.space.Architecture;

/**
 * Regularized ("aging") evolution, Algorithm 1 of Real et al., "Regularized Evolution for Image
 * Classifier Architecture Search" (AAAI 2019), as the NAS-Bench-201 REA runs it
 * (AutoDL-Projects {@code regularized_ea.py}, NASLib {@code re/optimizer.py}):
 *
 * <ol>
 *   <li>fill a population of P members with uniformly sampled, scored architectures;
 *   <li>until the budget is spent: draw S members with replacement, take the best as parent,
 *       score a {@linkplain OneDecisionMutation one-decision mutant} of it, add the child and
 *       remove the oldest member.
 * </ol>
 *
 * <p>The choice is the best architecture scored over the whole history, not only the final
 * population, as in the paper and both references. When the budget ends during the first phase,
 * the search is random search over the queries it made.
 *
 * <p>The initial members come from {@code sampleUniform}, uniform over unique architectures;
 * the references draw each operation independently, which on NAS-Bench-201 is uniform over
 * encodings. evalnas uses the space's one notion of "random architecture" everywhere.
 *
 * <p>Checkpoints hold the history (the population is its last P members; the random
 * generator's position is the runtime's part), so a resumed search ends exactly as an
 * uninterrupted one.
 */
public final class RegularizedEvolution implements BlackBoxPolicy {
  private final EvolutionSettings settings;

  /** @param settings population and tournament size */
  public RegularizedEvolution(EvolutionSettings settings) {
    this.settings = settings;
  }

  @Override
  public SearchOutcome search(BlackBoxContext context) {
    CheckpointStore checkpoints = context.checkpoints();
    List<Score> history =
        new ArrayList<>(
            checkpoints
                .read(in -> ScoreCodec.read(new DataInputStream(in), context.space()))
                .orElse(List.of()));
    // every scored architecture joined the population and only the oldest ever leave, so the
    // population is the last P of the history: the history is the whole state
    AgingPopulation population = new AgingPopulation(settings.population());
    for (Score member : history.subList(Math.max(0, history.size() - settings.population()), history.size())) {
      population.add(member);
    }
    while (!population.isFull() && context.hasBudget()) {
      Score member = context.evaluate(context.space().sampleUniform(context.random()));
      history.add(member);
      population.add(member);
      checkpointIfDue(context, checkpoints, history);
    }
    while (context.hasBudget()) {
      Score parent = population.tournament(context.random(), settings.sampleSize());
      Architecture child =
          OneDecisionMutation.mutate(context.space(), parent.architecture(), context.random());
      Score scored = context.evaluate(child);
      history.add(scored);
      population.add(scored);
      checkpointIfDue(context, checkpoints, history);
    }
    return SearchOutcome.bestOf(history);
  }

  private static void checkpointIfDue(BlackBoxContext context, CheckpointStore checkpoints, List<Score> history) {
    if (checkpoints.due(context.queriesUsed())) {
      checkpoints.save(out -> ScoreCodec.write(new DataOutputStream(out), history));
    }
  }
}
