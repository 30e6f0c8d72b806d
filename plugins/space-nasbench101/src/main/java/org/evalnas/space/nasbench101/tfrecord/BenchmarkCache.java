package org.evalnas.space.nasbench101.tfrecord;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import java.nio.IntBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import org.evalnas.api.InputException;
import org.evalnas.space.nasbench101.enumerate.CellCatalog;

/**
 * A compact columnar copy of a benchmark file, {@code <file>.evalnas-cache} beside it: the
 * first open of a {@code .tfrecord} reads it and writes the cache; later opens memory-map the
 * cache instead (nothing is parsed, the columns are used where they lie).
 *
 * <p>Layout, little-endian: the magic {@code NB101CC1}; the source's size and modification time
 * (a cache of another version of the file is ignored); the catalog's size and the first and
 * last cells' hash (high halves), so that a cache of another enumeration is ignored; the number
 * of covered cells; a bit mask of the budgets present; padding to 8 bytes; then the parameter
 * counts ({@code int} per cell), and per budget present the repeat counts ({@code byte} per
 * cell) and the values ({@code double} per cell, repeat and value, as in {@link
 * BenchmarkTable}), each padded to 8 bytes.
 */
public final class BenchmarkCache {
  private static final byte[] MAGIC = "NB101CC1".getBytes(StandardCharsets.US_ASCII);
  private static final int HEADER = 8 + 8 + 8 + 4 + 8 + 8 + 4 + 4 + 4;
  /** The suffix added to the benchmark file's name. */
  public static final String SUFFIX = ".evalnas-cache";

  private BenchmarkCache() {}

  /** The cache file of a benchmark file. */
  public static Path cacheOf(Path tfrecord) {
    return tfrecord.resolveSibling(tfrecord.getFileName() + SUFFIX);
  }

  /**
   * The table of a benchmark file: memory-mapped from its cache when the cache is current,
   * else read from the file, and the cache written for next time (when the directory is
   * writable; without it, every open reads the file).
   */
  public static BenchmarkTable open(Path tfrecord, CellCatalog catalog) {
    Path cache = cacheOf(tfrecord);
    try {
      long size = Files.size(tfrecord);
      long modified = Files.getLastModifiedTime(tfrecord).toMillis();
      if (Files.isRegularFile(cache)) {
        try {
          BenchmarkTable mapped = map(cache, tfrecord, catalog, size, modified);
          if (mapped != null) {
            return mapped;
          }
        } catch (InputException damaged) {
          // derived data: the benchmark file is here, so convert it again over the damaged copy
        }
      }
      BenchmarkTable table = BenchmarkTable.read(tfrecord, catalog);
      try {
        write(table, cache, size, modified);
      } catch (IOException e) {
        // a missing cache only costs time: the table read from the file is complete
      }
      return table;
    } catch (IOException e) {
      throw new InputException(tfrecord, null, "cannot be read: " + e.getMessage(), e);
    }
  }

  /**
   * The table of a cache file on its own, without the benchmark file it came from (a machine
   * that keeps only the 83 MB cache). Its header must match the catalog; there is no source to
   * check it against or to convert again.
   *
   * @throws InputException when the file is not such a cache, is of another catalog, or is
   *     truncated or damaged
   */
  public static BenchmarkTable openCache(Path cache, CellCatalog catalog) {
    try {
      BenchmarkTable table = map(cache, cache, catalog, -1, -1);
      if (table == null) {
        throw new InputException(cache, null,
            "is not an evalnas NAS-Bench-101 cache of the 7-vertex catalog (written by a first open of"
                + " nasbench_only108.tfrecord or nasbench_full.tfrecord); point data at that file instead");
      }
      return table;
    } catch (IOException e) {
      throw new InputException(cache, null, "cannot be read: " + e.getMessage(), e);
    }
  }

  /** Writes the cache atomically (temporary file, then rename). */
  static void write(BenchmarkTable table, Path cache, long sourceSize, long sourceModified)
      throws IOException {
    CellCatalog catalog = table.catalog();
    int cells = catalog.size();
    int mask = 0;
    for (int s = 0; s < BenchmarkTable.BUDGETS.length; s++) {
      if (table.slotValues(s) != null) {
        mask |= 1 << s;
      }
    }
    Path temp = Files.createTempFile(cache.toAbsolutePath().getParent(),
        "." + cache.getFileName(), ".tmp");
    try (FileChannel out = FileChannel.open(temp, StandardOpenOption.WRITE)) {
      ByteBuffer header = ByteBuffer.allocate(pad(HEADER)).order(ByteOrder.LITTLE_ENDIAN);
      header.put(MAGIC).putLong(sourceSize).putLong(sourceModified).putInt(cells)
          .putLong(firstHash(catalog)).putLong(lastHash(catalog)).putInt(table.cellsCovered())
          .putInt(mask);
      writeAll(out, header.clear());
      ByteBuffer params = ByteBuffer.allocate(pad(cells * 4)).order(ByteOrder.LITTLE_ENDIAN);
      params.asIntBuffer().put(table.parameters().rewind());
      writeAll(out, params);
      for (int s = 0; s < BenchmarkTable.BUDGETS.length; s++) {
        if ((mask >>> s & 1) == 0) {
          continue;
        }
        ByteBuffer repeats = ByteBuffer.allocate(pad(cells));
        repeats.put(table.slotRepeats(s).rewind()).clear();
        writeAll(out, repeats);
        DoubleBuffer values = table.slotValues(s).rewind();
        ByteBuffer chunk = ByteBuffer.allocate(1 << 20).order(ByteOrder.LITTLE_ENDIAN);
        while (values.hasRemaining()) {
          chunk.clear();
          DoubleBuffer view = chunk.asDoubleBuffer();
          int n = Math.min(view.capacity(), values.remaining());
          double[] part = new double[n];
          values.get(part);
          view.put(part);
          chunk.limit(n * 8);
          writeAll(out, chunk);
        }
      }
    } catch (IOException e) {
      Files.deleteIfExists(temp);
      throw e;
    }
    Files.move(temp, cache, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  /**
   * The mapped table, or null when the cache is not of this file version and catalog; a
   * {@code sourceSize} of -1 skips the check of the file version (a cache on its own).
   *
   * @throws InputException when the header is right but the file is truncated or damaged
   */
  static BenchmarkTable map(Path cache, Path source, CellCatalog catalog, long sourceSize,
      long sourceModified) throws IOException {
    MappedByteBuffer file;
    try (FileChannel in = FileChannel.open(cache, StandardOpenOption.READ)) {
      file = in.map(FileChannel.MapMode.READ_ONLY, 0, in.size());
    }
    file.order(ByteOrder.LITTLE_ENDIAN);
    if (file.capacity() < pad(HEADER)) {
      return null;
    }
    byte[] magic = new byte[MAGIC.length];
    file.get(magic);
    long size = file.getLong();
    long modified = file.getLong();
    boolean sameSource = sourceSize < 0 || (size == sourceSize && modified == sourceModified);
    if (!Arrays.equals(magic, MAGIC) || !sameSource || file.getInt() != catalog.size()
        || file.getLong() != firstHash(catalog) || file.getLong() != lastHash(catalog)) {
      return null;
    }
    int covered = file.getInt();
    int mask = file.getInt();
    int cells = catalog.size();
    long expected = pad(HEADER) + pad(cells * 4L);
    for (int s = 0; s < BenchmarkTable.BUDGETS.length; s++) {
      if ((mask >>> s & 1) != 0) {
        expected += pad(cells) + (long) cells * BenchmarkTable.REPEATS * BenchmarkTable.VALUES * 8;
      }
    }
    if (file.capacity() != expected) {
      throw new InputException(cache, null, "is truncated or damaged (" + file.capacity()
          + " bytes, expected " + expected + "); delete it and open the benchmark file it came from"
          + " (it is converted again)");
    }
    int at = pad(HEADER);
    IntBuffer params = slice(file, at, cells * 4).asIntBuffer();
    at += pad(cells * 4);
    BenchmarkTable table = new BenchmarkTable(source, catalog, params);
    for (int s = 0; s < BenchmarkTable.BUDGETS.length; s++) {
      if ((mask >>> s & 1) == 0) {
        continue;
      }
      ByteBuffer repeats = slice(file, at, cells);
      at += pad(cells);
      int bytes = cells * BenchmarkTable.REPEATS * BenchmarkTable.VALUES * 8;
      table.setSlot(s, slice(file, at, bytes).asDoubleBuffer(), repeats);
      at += bytes;
    }
    table.setCellsCovered(covered);
    return table;
  }

  private static ByteBuffer slice(ByteBuffer file, int at, int length) {
    return file.slice(at, length).order(ByteOrder.LITTLE_ENDIAN);
  }

  private static long firstHash(CellCatalog catalog) {
    return Long.parseUnsignedLong(catalog.hash(0).substring(0, 16), 16);
  }

  private static long lastHash(CellCatalog catalog) {
    return Long.parseUnsignedLong(catalog.hash(catalog.size() - 1).substring(0, 16), 16);
  }

  private static int pad(int n) {
    return (n + 7) & ~7;
  }

  private static long pad(long n) {
    return (n + 7) & ~7L;
  }

  private static void writeAll(FileChannel out, ByteBuffer buffer) throws IOException {
    while (buffer.hasRemaining()) {
      out.write(buffer);
    }
  }
}
