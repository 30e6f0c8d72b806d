package org.evalnas.nn.supernet;

import java.util.List;
import java.util.random.RandomGenerator;
import org.evalnas.api.space.Architecture;
import org.evalnas.nn.evaluate.NetworkShape;
import org.evalnas.nn.evaluate.TrainableSpace;

/**
 * A search space that builds weight-sharing supernets. A space plugin's {@link
 * org.evalnas.api.space.SearchSpace} implements it in addition; weight-sharing policies and the
 * runtime ask for it with {@code instanceof}.
 */
public interface SupernetSpace extends TrainableSpace {

  /** A new supernet of the whole space with the given network shape. */
  Supernet supernet(NetworkShape shape);

  /**
   * Paths for one step of strictly fair training (FairNAS): together they use every option of
   * every operation decision exactly once, so every operation gets the same number of updates.
   * Decisions that are not operations (a NAS-Bench-101 cell's edges) are drawn once and shared
   * by the paths, among those that keep every operation's vertex in the cell.
   */
  List<Architecture> strictlyFairPaths(RandomGenerator random);
}
