package org.evalnas.runtime.protocol;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * One (policy, seed) cell of an experiment.
 *
 * @param policy the policy's name, or {@code random-baseline}
 * @param seed the seed
 */
public record CellKey(String policy, long seed) {

  /** The cell's directory under an experiment's output directory. */
  public Path directory(Path output) {
    return output.resolve(policy).resolve("seed-" + seed);
  }

  /**
   * The cell's own random generator. It depends on the seed and the policy name only, so a
   * cell replays alone, in any order or process, and policies of one seed do not share draws
   * (the baseline's pick is not random search's first query).
   */
  public SplittableRandom random() {
    long h = 0xcbf29ce484222325L; // FNV-1a over the name: stable across JVMs, unlike hashCode
    for (byte b : policy.getBytes(StandardCharsets.UTF_8)) {
      h = (h ^ (b & 0xff)) * 0x100000001b3L;
    }
    return new SplittableRandom(seed * 0x9E3779B97F4A7C15L ^ h);
  }
}
