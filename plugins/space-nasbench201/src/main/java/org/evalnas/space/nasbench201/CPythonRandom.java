package org.evalnas.space.nasbench201;

/**
 * The parts of CPython's {@code random} module that fixed the NAS-Bench-201 index order: the
 * MT19937 generator seeded like {@code random.seed(int)} and {@code random.shuffle}.
 *
 * <p>The benchmark generated its cells in a fixed order and then ran {@code random.seed(88);
 * random.shuffle(archs)}; reproducing that exactly is what lets the space know every cell's
 * official index without shipping a table. This follows the algorithms CPython documents (the
 * reference MT19937 {@code init_by_array}, {@code getrandbits} taking the top bits of one
 * 32-bit output, rejection sampling in {@code _randbelow}, Fisher-Yates from the end); it is
 * not a general replacement for Python's generator.
 */
final class CPythonRandom {
  private static final int N = 624;
  private static final int M = 397;
  private static final int MATRIX_A = 0x9908b0df;
  private static final int UPPER_MASK = 0x80000000;
  private static final int LOWER_MASK = 0x7fffffff;

  private final int[] mt = new int[N];
  private int mti;

  /** Seeds like {@code random.seed(seed)} for a non-negative integer seed. */
  CPythonRandom(long seed) {
    if (seed < 0) {
      throw new IllegalArgumentException("only non-negative seeds are supported, got " + seed);
    }
    // CPython splits abs(seed) into 32-bit words, least significant first; 0 is one word
    int[] key = (seed >>> 32) == 0 ? new int[] {(int) seed} : new int[] {(int) seed, (int) (seed >>> 32)};
    initByArray(key);
  }

  private void initGenrand(int s) {
    mt[0] = s;
    for (int i = 1; i < N; i++) {
      mt[i] = 1812433253 * (mt[i - 1] ^ (mt[i - 1] >>> 30)) + i;
    }
    mti = N;
  }

  private void initByArray(int[] key) {
    initGenrand(19650218);
    int i = 1;
    int j = 0;
    for (int k = Math.max(N, key.length); k > 0; k--) {
      mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >>> 30)) * 1664525)) + key[j] + j;
      i++;
      j++;
      if (i >= N) {
        mt[0] = mt[N - 1];
        i = 1;
      }
      if (j >= key.length) {
        j = 0;
      }
    }
    for (int k = N - 1; k > 0; k--) {
      mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >>> 30)) * 1566083941)) - i;
      i++;
      if (i >= N) {
        mt[0] = mt[N - 1];
        i = 1;
      }
    }
    mt[0] = UPPER_MASK; // guarantees a non-zero initial state
  }

  /** The next raw 32-bit output, as an unsigned value in an int. */
  int nextUint32() {
    if (mti >= N) {
      int kk = 0;
      for (; kk < N - M; kk++) {
        int y = (mt[kk] & UPPER_MASK) | (mt[kk + 1] & LOWER_MASK);
        mt[kk] = mt[kk + M] ^ (y >>> 1) ^ ((y & 1) == 0 ? 0 : MATRIX_A);
      }
      for (; kk < N - 1; kk++) {
        int y = (mt[kk] & UPPER_MASK) | (mt[kk + 1] & LOWER_MASK);
        mt[kk] = mt[kk + (M - N)] ^ (y >>> 1) ^ ((y & 1) == 0 ? 0 : MATRIX_A);
      }
      int y = (mt[N - 1] & UPPER_MASK) | (mt[0] & LOWER_MASK);
      mt[N - 1] = mt[M - 1] ^ (y >>> 1) ^ ((y & 1) == 0 ? 0 : MATRIX_A);
      mti = 0;
    }
    int y = mt[mti++];
    y ^= y >>> 11;
    y ^= (y << 7) & 0x9d2c5680;
    y ^= (y << 15) & 0xefc60000;
    y ^= y >>> 18;
    return y;
  }

  /** {@code random.getrandbits(k)} for 1 <= k <= 31. */
  int getRandBits(int k) {
    return nextUint32() >>> (32 - k);
  }

  /** {@code random._randbelow(n)}: uniform in [0, n) by rejection, for 1 <= n < 2^31. */
  int randBelow(int n) {
    int k = 32 - Integer.numberOfLeadingZeros(n); // n.bit_length()
    int r = getRandBits(k);
    while (r >= n) {
      r = getRandBits(k);
    }
    return r;
  }

  /** {@code random.shuffle(values)}, in place. */
  void shuffle(int[] values) {
    for (int i = values.length - 1; i > 0; i--) {
      int j = randBelow(i + 1);
      int t = values[i];
      values[i] = values[j];
      values[j] = t;
    }
  }
}
