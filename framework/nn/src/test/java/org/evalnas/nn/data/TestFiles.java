package org.evalnas.nn.data;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/** Writes small dataset files for tests. */
final class TestFiles {
  private TestFiles() {}

  /** The bytes of an unsigned-byte IDX file. */
  static byte[] idx(byte[] data, int... dims) {
    ByteBuffer b = ByteBuffer.allocate(4 + 4 * dims.length + data.length);
    b.put((byte) 0).put((byte) 0).put((byte) 0x08).put((byte) dims.length);
    for (int d : dims) {
      b.putInt(d);
    }
    b.put(data);
    return b.array();
  }

  static byte[] gzip(byte[] bytes) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (OutputStream gz = new GZIPOutputStream(out)) {
      gz.write(bytes);
    }
    return out.toByteArray();
  }

  /**
   * Writes an MNIST-like dataset of {@code train} and {@code test} 28 x 28 images into {@code
   * dir}: image {@code i} is filled with the value {@code i % 256}, its label is {@code i % 10}.
   */
  static void writeMnistLike(Path dir, int train, int test, boolean gzip) throws IOException {
    Files.createDirectories(dir);
    writeIdxPair(dir, "train", train, gzip);
    writeIdxPair(dir, "t10k", test, gzip);
  }

  private static void writeIdxPair(Path dir, String prefix, int n, boolean gzip) throws IOException {
    byte[] pixels = new byte[n * 28 * 28];
    byte[] labels = new byte[n];
    for (int i = 0; i < n; i++) {
      java.util.Arrays.fill(pixels, i * 784, (i + 1) * 784, (byte) i);
      labels[i] = (byte) (i % 10);
    }
    write(dir, prefix + "-images-idx3-ubyte", idx(pixels, n, 28, 28), gzip);
    write(dir, prefix + "-labels-idx1-ubyte", idx(labels, n), gzip);
  }

  private static void write(Path dir, String name, byte[] bytes, boolean gzip) throws IOException {
    if (gzip) {
      Files.write(dir.resolve(name + ".gz"), gzip(bytes));
    } else {
      Files.write(dir.resolve(name), bytes);
    }
  }

  /** A CIFAR-10 batch of {@code n} records: label {@code (first + i) % 10}, pixels {@code first + i}. */
  static byte[] cifarBatch(int first, int n) {
    byte[] b = new byte[n * CifarBinary.RECORD_BYTES];
    for (int i = 0; i < n; i++) {
      int at = i * CifarBinary.RECORD_BYTES;
      b[at] = (byte) ((first + i) % 10);
      java.util.Arrays.fill(b, at + 1, at + CifarBinary.RECORD_BYTES, (byte) (first + i));
    }
    return b;
  }

  /** Writes the six CIFAR-10 batch files, {@code perBatch} records each. */
  static void writeCifar(Path dir, int perBatch) throws IOException {
    Files.createDirectories(dir);
    for (int k = 0; k < 6; k++) {
      Files.write(dir.resolve(DatasetId.CIFAR_FILES.get(k)), cifarBatch(k * perBatch, perBatch));
    }
  }
}
