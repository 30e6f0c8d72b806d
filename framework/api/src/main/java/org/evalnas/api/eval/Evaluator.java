package org.evalnas.api.eval;

import java.nio.file.Path;
import org.evalnas.api.space.Architecture;

/** Scores the architecture a policy chose. */
public interface Evaluator {

  /** Scores one architecture; deterministic for a given seed. */
  Evaluation evaluate(Architecture architecture, long seed);

  /**
   * Scores one architecture, with a directory of its own for state that lets a killed
   * evaluation resume (a training evaluator's epoch checkpoints). The host passes a directory
   * inside the cell's results, which lives as long as the cell's results do; an evaluator
   * should empty it when it has finished. By default the directory is not used.
   */
  default Evaluation evaluate(Architecture architecture, long seed, Path workDirectory) {
    return evaluate(architecture, seed);
  }
}
