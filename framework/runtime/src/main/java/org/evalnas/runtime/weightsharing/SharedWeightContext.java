package org.evalnas.runtime.weightsharing;

import java.util.HashMap;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.evalnas.api.checkpoint.CheckpointStore;
import org.evalnas.api.policy.Budget;
import org.evalnas.api.policy.Score;
import org.evalnas.api.space.Architecture;
import org.evalnas.api.space.SearchSpace;
import org.evalnas.nn.search.WeightSharingContext;
import org.evalnas.nn.supernet.SharedWeightEvaluator;
import org.evalnas.nn.supernet.SupernetSpace;

/**
 * The context of one weight-sharing cell. Scores are cached until the weights change (the next
 * epoch), so the ranking study and the policy's choice score an architecture once.
 */
final class SharedWeightContext implements WeightSharingContext {
  private final SearchSpace space;
  private final long seed;
  private final RandomGenerator random;
  private final Budget budget;
  private final SharedWeightEvaluator evaluator;
  private final int epochs;
  private final Map<Architecture, Double> scores = new HashMap<>();
  private int epoch;

  SharedWeightContext(
      SearchSpace space, long seed, RandomGenerator random, Budget budget, SharedWeightEvaluator evaluator, int epochs) {
    this.space = space;
    this.seed = seed;
    this.random = random;
    this.budget = budget;
    this.evaluator = evaluator;
    this.epochs = epochs;
  }

  /** The weights changed: {@code epoch} epochs are done. */
  void trained(int epoch) {
    this.epoch = epoch;
    scores.clear();
  }

  @Override
  public SearchSpace space() {
    return space;
  }

  @Override
  public long seed() {
    return seed;
  }

  @Override
  public RandomGenerator random() {
    return random;
  }

  @Override
  public Budget budget() {
    return budget;
  }

  @Override
  public CheckpointStore checkpoints() {
    // the runtime checkpoints the supernet, the generator and the study every epoch
    return CheckpointStore.NONE;
  }

  @Override
  public SupernetSpace supernetSpace() {
    return (SupernetSpace) space;
  }

  @Override
  public int epoch() {
    return epoch;
  }

  @Override
  public int epochs() {
    return epochs;
  }

  @Override
  public Score score(Architecture architecture) {
    // keyed by what the space decodes the choices to, choices included: two encodings of one
    // cell may run different paths
    Architecture decoded = space.decode(architecture.choices());
    return new Score(architecture, scores.computeIfAbsent(decoded, a -> evaluator.accuracy(architecture)));
  }
}
