package org.evalnas.api.policy;

import java.util.random.RandomGenerator;
import org.evalnas.api.space.SearchSpace;

/** What every policy gets from the runtime for one (policy, seed) cell. */
public interface SearchContext {

  /** The space to search. */
  SearchSpace space();

  /** The cell's seed. */
  long seed();

  /**
   * The cell's random generator, derived from the seed. Use only this one, so that a run is
   * replayable from its seed.
   */
  RandomGenerator random();

  /** The budget of the search. */
  Budget budget();
}
