package org.evalnas.api.policy;

import java.util.random.RandomGenerator;
import org.evalnas.api.checkpoint.CheckpointStore;
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

  /**
   * Where the policy keeps checkpoints of its state, so that a stopped cell resumes exactly
   * (see {@link CheckpointStore} for the protocol). Contexts that do not checkpoint return
   * {@link CheckpointStore#NONE}.
   */
  default CheckpointStore checkpoints() {
    return CheckpointStore.NONE;
  }
}
