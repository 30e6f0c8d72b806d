package org.evalnas.runtime.weightsharing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.evalnas.api.space.Architecture;
import org.evalnas.api.space.SearchSpace;

/**
 * The architectures a seed's supernets are ranked on: drawn uniformly over the unique
 * architectures of the space, without repetition, from a generator that depends on the seed
 * alone, so every policy of a seed is scored on the same sample. The whole space when the
 * sample size is 0 or not below the space's unique size.
 */
public final class EvaluationSample {
  /** Mixed into the seed so that the sample's draws are not any cell's draws. */
  private static final long SALT = 0x5eedL * 0x9E3779B97F4A7C15L;

  private EvaluationSample() {}

  /** The sample of {@code seed}, in draw order (the space's order when it is the whole space). */
  public static List<Architecture> of(SearchSpace space, long seed, int size) {
    long unique = space.uniqueSize().orElse(Long.MAX_VALUE);
    if (size == 0 || size >= unique) {
      if (space.size().isEmpty() || unique > 100_000) {
        throw new IllegalArgumentException(
            "the space " + space.name() + " is too large to score whole; set "
                + WeightSharingSettings.SECTION + ".evaluation.sample to a sample size");
      }
      Map<String, Architecture> byId = new LinkedHashMap<>();
      space.enumerate().forEach(a -> byId.putIfAbsent(a.id(), a));
      return List.copyOf(byId.values());
    }
    SplittableRandom random = new SplittableRandom(seed ^ SALT);
    Map<String, Architecture> byId = new LinkedHashMap<>();
    while (byId.size() < size) {
      Architecture a = space.sampleUniform(random);
      byId.putIfAbsent(a.id(), a);
    }
    return new ArrayList<>(byId.values());
  }
}
