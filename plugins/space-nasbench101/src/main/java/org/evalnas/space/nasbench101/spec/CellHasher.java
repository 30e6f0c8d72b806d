package org.evalnas.space.nasbench101.spec;

import java.nio.charset.StandardCharsets;
import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The official isomorphism-invariant hash of a NAS-Bench-101 cell ({@code
 * graph_util.hash_module}), bit for bit, without building the intermediate strings.
 *
 * <p>The official algorithm: each vertex starts as {@code md5(str((out_degree, in_degree,
 * label)))}, e.g. {@code md5("(2, 0, -1)")}; then, V times, every vertex becomes {@code
 * md5(''.join(sorted(in_neighbour_hashes)) + '|' + ''.join(sorted(out_neighbour_hashes)) + '|' +
 * own_hash)}, with hashes as 32 lowercase hex digits; the cell's hash is {@code
 * md5(str(sorted(vertex_hashes)))}, i.e. of {@code ['h1', 'h2', ...]}. Sorting hex strings equals
 * sorting the digests as unsigned big-endian numbers, which is what this class compares.
 *
 * <p>Not thread-safe: it reuses one {@link MessageDigest} and its buffers; use one per thread.
 */
public final class CellHasher {
  private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
  /** Degrees up to this get their starting digest from a table; larger ones are computed. */
  private static final int TABLED_DEGREE = CellValidator.MAX_VERTICES;
  /** Starting digests (hi, lo) for (out, in, label) with degrees <= TABLED_DEGREE. */
  private static final long[] START_TABLE = startTable();

  private final MessageDigest md5 = newMd5();
  private final byte[] digest = new byte[16];
  private byte[] buffer = new byte[1024];
  private long[] hi = new long[8];
  private long[] lo = new long[8];
  private long[] nextHi = new long[8];
  private long[] nextLo = new long[8];
  private int[] inMasks = new int[8];
  private final int[] order = new int[CellSpec.MAX_MATRIX_VERTICES];

  /** The hash of a valid pruned cell (see {@link CellValidator}). */
  public String hash(CellSpec pruned) {
    int n = pruned.vertices();
    int[] rows = new int[n];
    for (int v = 0; v < n; v++) {
      rows[v] = pruned.row(v);
    }
    return hash(n, rows, CellValidator.hashLabels(pruned));
  }

  /**
   * The hash of a labelled graph: {@code rows[v]} bit {@code w} is the edge {@code v -> w},
   * {@code labels[v]} the vertex's hash label ({@link CellOp#hashLabel()}).
   */
  public String hash(int n, int[] rows, int[] labels) {
    hashInto(n, rows, labels);
    return hex(digest);
  }

  /**
   * As {@link #hash(int, int[], int[])}, the 16 digest bytes as two big-endian longs into {@code
   * out[0]} (high) and {@code out[1]} (low): the compact form the enumerator stores.
   */
  public void hash(int n, int[] rows, int[] labels, long[] out) {
    hashInto(n, rows, labels);
    out[0] = readLong(digest, 0);
    out[1] = readLong(digest, 8);
  }

  private void hashInto(int n, int[] rows, int[] labels) {
    ensureCapacity(n);
    int[] in = inMasks;
    for (int v = 0; v < n; v++) {
      in[v] = 0;
    }
    for (int v = 0; v < n; v++) {
      int row = rows[v];
      while (row != 0) {
        int w = Integer.numberOfTrailingZeros(row);
        row &= row - 1;
        in[w] |= 1 << v;
      }
    }
    for (int v = 0; v < n; v++) {
      start(v, Integer.bitCount(rows[v]), Integer.bitCount(in[v]), labels[v]);
    }
    for (int round = 0; round < n; round++) {
      for (int v = 0; v < n; v++) {
        int len = appendSorted(in[v], 0);
        buffer[len++] = '|';
        len = appendSorted(rows[v], len);
        buffer[len++] = '|';
        len = appendHex(hi[v], lo[v], len);
        digest(len);
        nextHi[v] = readLong(digest, 0);
        nextLo[v] = readLong(digest, 8);
      }
      long[] t = hi;
      hi = nextHi;
      nextHi = t;
      t = lo;
      lo = nextLo;
      nextLo = t;
    }
    // str(sorted(hashes)) == "['h1', 'h2']"
    int len = 0;
    buffer[len++] = '[';
    int all = n == 32 ? -1 : (1 << n) - 1;
    int count = sortedOrder(all);
    for (int k = 0; k < count; k++) {
      if (k > 0) {
        buffer[len++] = ',';
        buffer[len++] = ' ';
      }
      buffer[len++] = '\'';
      len = appendHex(hi[order[k]], lo[order[k]], len);
      buffer[len++] = '\'';
    }
    buffer[len++] = ']';
    digest(len);
  }

  private void start(int v, int out, int in, int label) {
    if (out <= TABLED_DEGREE && in <= TABLED_DEGREE && label >= -2 && label <= 2) {
      int index = startIndex(out, in, label);
      hi[v] = START_TABLE[index];
      lo[v] = START_TABLE[index + 1];
      return;
    }
    byte[] text = startText(out, in, label);
    md5.update(text);
    finishDigest();
    hi[v] = readLong(digest, 0);
    lo[v] = readLong(digest, 8);
  }

  /** Appends the hex forms of the vertices in {@code mask}, in ascending digest order. */
  private int appendSorted(int mask, int len) {
    int count = sortedOrder(mask);
    for (int k = 0; k < count; k++) {
      len = appendHex(hi[order[k]], lo[order[k]], len);
    }
    return len;
  }

  /** Fills {@code order} with the vertices of {@code mask} sorted by digest; returns the count. */
  private int sortedOrder(int mask) {
    int count = 0;
    while (mask != 0) {
      int w = Integer.numberOfTrailingZeros(mask);
      mask &= mask - 1;
      // insertion sort: a vertex has few neighbours
      int k = count++;
      while (k > 0 && less(w, order[k - 1])) {
        order[k] = order[k - 1];
        k--;
      }
      order[k] = w;
    }
    return count;
  }

  private boolean less(int a, int b) {
    int c = Long.compareUnsigned(hi[a], hi[b]);
    return c < 0 || (c == 0 && Long.compareUnsigned(lo[a], lo[b]) < 0);
  }

  private int appendHex(long high, long low, int len) {
    for (int shift = 60; shift >= 0; shift -= 4) {
      buffer[len++] = HEX[(int) (high >>> shift) & 0xf];
    }
    for (int shift = 60; shift >= 0; shift -= 4) {
      buffer[len++] = HEX[(int) (low >>> shift) & 0xf];
    }
    return len;
  }

  private void digest(int len) {
    md5.update(buffer, 0, len);
    finishDigest();
  }

  private void finishDigest() {
    try {
      md5.digest(digest, 0, 16);
    } catch (DigestException e) {
      throw new IllegalStateException("MD5 digest of 16 bytes failed", e);
    }
  }

  private void ensureCapacity(int n) {
    if (hi.length < n) {
      hi = new long[n];
      lo = new long[n];
      nextHi = new long[n];
      nextLo = new long[n];
      inMasks = new int[n];
    }
    // the longest text: all n hashes between two separators, or the final list
    int needed = n * 36 + 8;
    if (buffer.length < needed) {
      buffer = new byte[needed];
    }
  }

  private static int startIndex(int out, int in, int label) {
    return (((out * (TABLED_DEGREE + 1)) + in) * 5 + (label + 2)) * 2;
  }

  private static long[] startTable() {
    int size = TABLED_DEGREE + 1;
    long[] table = new long[size * size * 5 * 2];
    MessageDigest md5 = newMd5();
    for (int out = 0; out < size; out++) {
      for (int in = 0; in < size; in++) {
        for (int label = -2; label <= 2; label++) {
          byte[] d = md5.digest(startText(out, in, label));
          int index = startIndex(out, in, label);
          table[index] = readLong(d, 0);
          table[index + 1] = readLong(d, 8);
        }
      }
    }
    return table;
  }

  /** Python's {@code str((out, in, label))}. */
  private static byte[] startText(int out, int in, int label) {
    return ("(" + out + ", " + in + ", " + label + ")").getBytes(StandardCharsets.US_ASCII);
  }

  private static long readLong(byte[] b, int offset) {
    long value = 0;
    for (int i = 0; i < 8; i++) {
      value = value << 8 | (b[offset + i] & 0xffL);
    }
    return value;
  }

  /** Lowercase hex of bytes. */
  static String hex(byte[] bytes) {
    byte[] text = new byte[bytes.length * 2];
    for (int i = 0; i < bytes.length; i++) {
      text[2 * i] = HEX[(bytes[i] >>> 4) & 0xf];
      text[2 * i + 1] = HEX[bytes[i] & 0xf];
    }
    return new String(text, StandardCharsets.US_ASCII);
  }

  /** The hex form of a digest kept as two big-endian longs. */
  public static String hex(long high, long low) {
    return String.format("%016x%016x", high, low);
  }

  private static MessageDigest newMd5() {
    try {
      return MessageDigest.getInstance("MD5");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JVM has no MD5, which every Java platform must have", e);
    }
  }
}
