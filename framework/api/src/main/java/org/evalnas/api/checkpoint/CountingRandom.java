package org.evalnas.api.checkpoint;

import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * A cell's {@link SplittableRandom} that counts how far it advanced, so that a checkpoint can
 * record its state as one number and a resumed cell can put it back: the runtime's contexts
 * and the testkit's use it alike.
 *
 * <p>{@code SplittableRandom} overrides only {@code nextInt()}, {@code nextLong()} and {@code
 * nextBytes}; every other draw ({@code nextInt(bound)}, {@code nextDouble()}, ...) is {@link
 * RandomGenerator}'s default built on those two. Delegating exactly these and inheriting the
 * rest gives the same numbers as the wrapped generator itself, and each of the two advances its
 * state by one step.
 */
public final class CountingRandom implements RandomGenerator {
  private final SplittableRandom random;
  private long steps;

  public CountingRandom(SplittableRandom random) {
    this.random = random;
  }

  @Override
  public int nextInt() {
    steps++;
    return random.nextInt();
  }

  @Override
  public long nextLong() {
    steps++;
    return random.nextLong();
  }

  /** As {@code SplittableRandom.nextBytes}: a long per eight bytes, one more for the rest. */
  @Override
  public void nextBytes(byte[] bytes) {
    int i = 0;
    int len = bytes.length;
    for (int words = len >> 3; words-- > 0; ) {
      long rnd = nextLong();
      for (int n = 8; n-- > 0; rnd >>>= Byte.SIZE) {
        bytes[i++] = (byte) rnd;
      }
    }
    if (i < len) {
      for (long rnd = nextLong(); i < len; rnd >>>= Byte.SIZE) {
        bytes[i++] = (byte) rnd;
      }
    }
  }

  /** Steps taken since the start. */
  public long steps() {
    return steps;
  }

  /** Moves a fresh generator forward to {@code target} steps. */
  public void skipTo(long target) {
    if (target < steps) {
      throw new IllegalStateException("cannot go back from step " + steps + " to " + target);
    }
    while (steps < target) {
      nextLong();
    }
  }
}
