package org.evalnas.nn.seed;

import ai.djl.engine.Engine;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * Seeds derived from a root seed, a purpose and counters, through {@link SplittableRandom}
 * (SplitMix64): the same inputs give the same seed on every machine and JVM, and different
 * purposes or counters give independent streams.
 */
public final class Seeds {
  private Seeds() {}

  /**
   * A seed for one purpose and position, e.g. {@code derive(seed, "order", epoch)}.
   *
   * @param root the run's seed
   * @param purpose what the stream is for; distinct purposes give independent streams
   * @param counters positions (epoch, step, ...)
   */
  public static long derive(long root, String purpose, long... counters) {
    long state = new SplittableRandom(root).nextLong();
    for (byte b : purpose.getBytes(StandardCharsets.UTF_8)) {
      state = new SplittableRandom(state ^ b).nextLong();
    }
    for (long counter : counters) {
      state = new SplittableRandom(state ^ new SplittableRandom(counter).nextLong()).nextLong();
    }
    return state;
  }

  /** A generator for one purpose and position; see {@link #derive}. */
  public static SplittableRandom random(long root, String purpose, long... counters) {
    return new SplittableRandom(derive(root, purpose, counters));
  }

  /**
   * Seeds the engine's generator (PyTorch's {@code manual_seed}, used by initializers, dropout
   * and random arrays) from a derived seed.
   */
  public static void seedEngine(Engine engine, long root, String purpose, long... counters) {
    long seed = derive(root, purpose, counters);
    // DJL takes an int; keep the 31 low bits so the value is non-negative
    engine.setRandomSeed((int) (seed & 0x7fffffffL));
  }
}
