package org.evalnas.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.evalnas.api.policy.Budget;
import org.evalnas.api.policy.Score;
import org.evalnas.api.space.Architecture;
import org.evalnas.api.space.SearchSpace;
import org.evalnas.api.truth.GroundTruth;
import org.evalnas.nn.search.WeightSharingContext;
import org.evalnas.nn.supernet.SupernetSpace;

/**
 * A {@link WeightSharingContext} over a space whose "shared-weight" scores are its ground
 * truth's search metric: for testing what a weight-sharing policy does with paths and scores
 * without training a supernet (the runtime's end-to-end tests train real ones). Records every
 * architecture scored. The random generator is a {@link SplittableRandom} seeded with the seed.
 */
public final class TestWeightSharingContext implements WeightSharingContext {
  private final SearchSpace space;
  private final GroundTruth truth;
  private final long seed;
  private final RandomGenerator random;
  private final List<Architecture> scored = new ArrayList<>();

  /**
   * @param space the space
   * @param truth its ground truth, covering every architecture the policy scores
   */
  public TestWeightSharingContext(SearchSpace space, GroundTruth truth, long seed) {
    this.space = space;
    this.truth = truth;
    this.seed = seed;
    this.random = new SplittableRandom(seed);
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
    return Budget.ofQueries(1);
  }

  /**
   * @throws IllegalStateException when the space builds no supernets
   */
  @Override
  public SupernetSpace supernetSpace() {
    if (space instanceof SupernetSpace s) {
      return s;
    }
    throw new IllegalStateException("the space " + space.name() + " builds no supernets");
  }

  @Override
  public int epoch() {
    return 1;
  }

  @Override
  public int epochs() {
    return 1;
  }

  @Override
  public Score score(Architecture architecture) {
    scored.add(architecture);
    double value =
        truth.lookup(architecture)
            .orElseThrow(() -> new IllegalArgumentException("no ground truth for " + architecture.label()))
            .metric(truth.searchMetric())
            .orElseThrow();
    return new Score(architecture, value);
  }

  /** Every architecture scored so far, in order. */
  public List<Architecture> scored() {
    return List.copyOf(scored);
  }
}
