package org.evalnas.api.eval;

import org.evalnas.api.space.Architecture;

/** Scores the architecture a policy chose. */
public interface Evaluator {

  /** Scores one architecture; deterministic for a given seed. */
  Evaluation evaluate(Architecture architecture, long seed);
}
