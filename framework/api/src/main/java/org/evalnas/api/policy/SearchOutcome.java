package org.evalnas.api.policy;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.evalnas.api.space.Architecture;

/**
 * What a search returns.
 *
 * @param chosen the architecture the policy picks
 * @param ranking the candidates it considered with its own scores, best first
 */
public record SearchOutcome(Architecture chosen, List<Score> ranking) {

  public SearchOutcome {
    Objects.requireNonNull(chosen, "chosen");
    ranking = List.copyOf(ranking);
  }

  /** Chooses the best of the scored candidates (the first one among equals). */
  public static SearchOutcome bestOf(List<Score> scored) {
    if (scored.isEmpty()) {
      throw new IllegalArgumentException("nothing was scored");
    }
    List<Score> ranked =
        scored.stream().sorted(Comparator.comparingDouble(Score::value).reversed()).toList();
    return new SearchOutcome(ranked.get(0).architecture(), ranked);
  }
}
