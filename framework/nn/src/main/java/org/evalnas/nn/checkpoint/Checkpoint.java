package org.evalnas.nn.checkpoint;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;
import java.util.zip.CheckedOutputStream;
import org.evalnas.api.InputException;

/**
 * The state of a training run, enough to continue it exactly.
 *
 * @param fingerprint describes the setup that wrote it (options, data sizes); a run resumes
 *     only from a checkpoint of the same setup
 * @param seed the root seed every random stream of the run is derived from
 * @param counters positions, e.g. {@code epoch}, {@code batch}, {@code step}; with the seed
 *     they are the state of every random stream (all of them are counter-based)
 * @param metrics running sums the run reports from (loss and accuracy of the epoch so far)
 * @param parameters the network's parameters (and buffers such as batch-norm statistics)
 * @param optimizerState the optimizer's per-parameter state (momentum buffers)
 */
public record Checkpoint(
    String fingerprint,
    long seed,
    Map<String, Long> counters,
    Map<String, Double> metrics,
    Map<String, Tensor> parameters,
    Map<String, Tensor> optimizerState) {

  private static final byte[] MAGIC = "EVALNAS-CKPT".getBytes(StandardCharsets.US_ASCII);
  private static final int VERSION = 1;

  public Checkpoint {
    counters = Map.copyOf(counters);
    metrics = Map.copyOf(metrics);
    parameters = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    optimizerState = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(optimizerState));
  }

  /** A counter, failing clearly when the checkpoint lacks it. */
  public long counter(String name) {
    Long value = counters.get(name);
    if (value == null) {
      throw new IllegalStateException("checkpoint has no counter '" + name + "'");
    }
    return value;
  }

  /**
   * Writes the checkpoint to {@code file} atomically: into a temporary file beside it, flushed
   * to disk, then renamed over {@code file}.
   */
  public void write(Path file) throws IOException {
    Path dir = file.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path temp = Files.createTempFile(dir, "." + file.getFileName() + ".", ".tmp");
    try {
      try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
        OutputStream raw = Channels.newOutputStream(channel);
        CRC32 crc = new CRC32();
        DataOutputStream out =
            new DataOutputStream(new CheckedOutputStream(new BufferedOutputStream(raw, 1 << 16), crc));
        out.write(MAGIC);
        out.writeInt(VERSION);
        out.writeUTF(fingerprint);
        out.writeLong(seed);
        out.writeInt(counters.size());
        for (var e : new java.util.TreeMap<>(counters).entrySet()) {
          out.writeUTF(e.getKey());
          out.writeLong(e.getValue());
        }
        out.writeInt(metrics.size());
        for (var e : new java.util.TreeMap<>(metrics).entrySet()) {
          out.writeUTF(e.getKey());
          out.writeDouble(e.getValue());
        }
        writeTensors(out, parameters);
        writeTensors(out, optimizerState);
        out.flush();
        new DataOutputStream(raw).writeLong(crc.getValue());
        raw.flush();
        channel.force(true);
      }
      try {
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  /**
   * Reads a checkpoint.
   *
   * @throws InputException naming the file and the byte offset when it is missing, not a
   *     checkpoint, truncated or corrupt (its checksum does not match)
   */
  public static Checkpoint read(Path file) {
    CountingInputStream counting;
    try {
      counting = new CountingInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16));
    } catch (NoSuchFileException e) {
      throw new InputException(file, null, "no such checkpoint", e);
    } catch (IOException e) {
      throw new InputException(file, null, "cannot read checkpoint: " + e.getMessage(), e);
    }
    CRC32 crc = new CRC32();
    try (counting;
        DataInputStream in = new DataInputStream(new CheckedInputStream(counting, crc))) {
      byte[] magic = new byte[MAGIC.length];
      in.readFully(magic);
      if (!Arrays.equals(magic, MAGIC)) {
        throw new InputException(file, "byte offset 0", "not an evalnas checkpoint");
      }
      int version = in.readInt();
      if (version != VERSION) {
        throw new InputException(
            file,
            "byte offset " + MAGIC.length,
            "checkpoint format " + version + " is not supported (this build reads " + VERSION + ")");
      }
      String fingerprint = in.readUTF();
      long seed = in.readLong();
      Map<String, Long> counters = new LinkedHashMap<>();
      for (int i = count(in, file, counting); i > 0; i--) {
        counters.put(in.readUTF(), in.readLong());
      }
      Map<String, Double> metrics = new LinkedHashMap<>();
      for (int i = count(in, file, counting); i > 0; i--) {
        metrics.put(in.readUTF(), in.readDouble());
      }
      Map<String, Tensor> parameters = readTensors(in, file, counting);
      Map<String, Tensor> optimizer = readTensors(in, file, counting);
      long expected = crc.getValue();
      long offset = counting.count;
      long stored = new DataInputStream(counting).readLong();
      if (stored != expected) {
        throw new InputException(
            file, "byte offset " + offset, "corrupt checkpoint: its checksum does not match");
      }
      if (counting.read() != -1) {
        throw new InputException(
            file, "byte offset " + (offset + 8), "trailing bytes after the checkpoint");
      }
      return new Checkpoint(fingerprint, seed, counters, metrics, parameters, optimizer);
    } catch (EOFException e) {
      throw new InputException(
          file, "byte offset " + counting.count, "truncated checkpoint", e);
    } catch (IOException e) {
      throw new InputException(
          file, "byte offset " + counting.count, "cannot read checkpoint: " + e.getMessage(), e);
    }
  }

  private static void writeTensors(DataOutputStream out, Map<String, Tensor> tensors)
      throws IOException {
    out.writeInt(tensors.size());
    for (var e : tensors.entrySet()) {
      out.writeUTF(e.getKey());
      Tensor t = e.getValue();
      out.writeInt(t.shape().length);
      for (long d : t.shape()) {
        out.writeLong(d);
      }
      out.writeInt(t.values().length);
      ByteBuffer bytes = ByteBuffer.allocate(4 * t.values().length);
      bytes.asFloatBuffer().put(t.values());
      out.write(bytes.array());
    }
  }

  private static Map<String, Tensor> readTensors(DataInputStream in, Path file, CountingInputStream at)
      throws IOException {
    Map<String, Tensor> tensors = new LinkedHashMap<>();
    for (int i = count(in, file, at); i > 0; i--) {
      String name = in.readUTF();
      long start = at.count;
      int rank = in.readInt();
      if (rank < 0 || rank > 16) {
        throw new InputException(file, "byte offset " + start, "corrupt checkpoint: rank " + rank);
      }
      long[] shape = new long[rank];
      for (int d = 0; d < rank; d++) {
        shape[d] = in.readLong();
      }
      long lengthAt = at.count;
      int n = in.readInt();
      long product = 1;
      for (long d : shape) {
        product = d < 0 || product > Integer.MAX_VALUE ? -1 : product * d;
      }
      if (n < 0 || product != n) {
        throw new InputException(
            file,
            "byte offset " + lengthAt,
            "corrupt checkpoint: " + n + " values for " + name + " of shape " + Arrays.toString(shape));
      }
      byte[] bytes = new byte[4 * n];
      in.readFully(bytes);
      float[] values = new float[n];
      ByteBuffer.wrap(bytes).asFloatBuffer().get(values);
      tensors.put(name, new Tensor(shape, values));
    }
    return tensors;
  }

  private static int count(DataInputStream in, Path file, CountingInputStream at) throws IOException {
    long offset = at.count;
    int n = in.readInt();
    if (n < 0 || n > 1_000_000) {
      throw new InputException(file, "byte offset " + offset, "corrupt checkpoint: count " + n);
    }
    return n;
  }

  /** Counts the bytes read, for offsets in messages. */
  private static final class CountingInputStream extends FilterInputStream {
    long count;

    CountingInputStream(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count++;
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n > 0) {
        count += n;
      }
      return n;
    }

    @Override
    public long skip(long n) throws IOException {
      long skipped = super.skip(n);
      count += skipped;
      return skipped;
    }
  }
}
