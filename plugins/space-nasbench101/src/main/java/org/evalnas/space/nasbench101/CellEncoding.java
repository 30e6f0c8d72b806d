package org.evalnas.space.nasbench101;

import java.util.List;
import java.util.Optional;
import org.evalnas.api.space.Decision;
import org.evalnas.api.space.InvalidArchitectureException;
import org.evalnas.space.nasbench101.spec.CellSpec;

/**
 * How a choice vector describes a NAS-Bench-101 cell. The space decodes a vector to a cell,
 * prunes and checks it with the official rules, and identifies it by its official hash.
 */
interface CellEncoding {

  /** The config name of the encoding ({@code space.nasbench101.encoding}). */
  String name();

  /** The decisions of a vector. */
  List<Decision> decisions();

  /**
   * The cell a vector describes, before pruning.
   *
   * @throws InvalidArchitectureException when the vector has the wrong length or a choice out
   *     of range
   */
  CellSpec cell(int[] choices);

  /**
   * A vector that describes exactly this valid pruned cell (its own vertices, not merely an
   * isomorphic cell), or empty when the encoding cannot express it that way.
   */
  Optional<int[]> encode(CellSpec pruned);

  /** Checks a vector's length and ranges against {@link #decisions()}. */
  static void checkRanges(List<Decision> decisions, int[] choices) {
    if (choices.length != decisions.size()) {
      throw new InvalidArchitectureException(
          "expected " + decisions.size() + " choices, got " + choices.length);
    }
    for (int d = 0; d < choices.length; d++) {
      if (choices[d] < 0 || choices[d] >= decisions.get(d).size()) {
        throw new InvalidArchitectureException("choice " + choices[d] + " is out of range for "
            + decisions.get(d).name() + " (0.." + (decisions.get(d).size() - 1) + ")");
      }
    }
  }
}
