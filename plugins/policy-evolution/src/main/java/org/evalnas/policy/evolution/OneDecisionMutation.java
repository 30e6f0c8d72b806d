package org.evalnas.policy.evolution;

import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.evalnas.api.space.Architecture;
import org.evalnas.api.space.Decision;
import org.evalnas.api.space.SearchSpace;

/**
 * The mutation of the NAS-Bench-201 REA: pick one decision uniformly, change it to a
 * different option uniformly, as NASLib's {@code NasBench201SearchSpace.mutate} does (one edge
 * uniformly, one of the other operations uniformly). AutoDL-Projects picks a node first and then
 * one of its input edges, which favours the edges of nodes with few inputs; where the two
 * differ this follows NASLib, whose choice is the same on every space. Works on any space
 * through its decisions; decisions with a single option cannot change and are never picked.
 *
 * <p>When the changed vector is not a valid architecture ({@link SearchSpace#tryDecode} is
 * empty, e.g. a disconnected NAS-Bench-101 cell), it starts again from the parent, up to
 * {@link #MAX_ATTEMPTS} times.
 */
public final class OneDecisionMutation {

  /** Attempts before giving up on a parent with no valid mutant in sight. */
  public static final int MAX_ATTEMPTS = 1_000;

  private OneDecisionMutation() {}

  /**
   * A valid child of {@code parent} that differs from it in exactly one decision.
   *
   * @throws IllegalStateException when no decision can change, or no valid mutant turned up in
   *     {@link #MAX_ATTEMPTS} attempts
   */
  public static Architecture mutate(
      SearchSpace space, Architecture parent, RandomGenerator random) {
    List<Decision> decisions = space.decisions();
    // a loop, not a stream: this runs once per query of every search
    int[] mutable = new int[decisions.size()];
    int count = 0;
    for (int d = 0; d < mutable.length; d++) {
      if (decisions.get(d).size() > 1) {
        mutable[count++] = d;
      }
    }
    if (count == 0) {
      throw new IllegalStateException(
          "space " + space.name() + " has no decision with two options; nothing can mutate");
    }
    for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      int[] choices = parent.choices();
      int d = mutable[random.nextInt(count)];
      // a uniform draw over the other options: skip over the current one
      int option = random.nextInt(decisions.get(d).size() - 1);
      choices[d] = option >= choices[d] ? option + 1 : option;
      Optional<Architecture> child = space.tryDecode(choices);
      if (child.isPresent()) {
        return child.get();
      }
    }
    throw new IllegalStateException(
        "no valid mutant of '"
            + parent.label()
            + "' in space "
            + space.name()
            + " after "
            + MAX_ATTEMPTS
            + " attempts; does the space decode any one-decision change of it?");
  }
}
