package org.evalnas.space.nasbench101.tfrecord;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32C;
import org.evalnas.api.InputException;

/**
 * Reads TFRecord framing: per record a little-endian uint64 length, the masked CRC32C of those
 * 8 bytes, the data, and the masked CRC32C of the data. Both checksums are verified; a corrupt
 * or truncated record fails with the byte offset where the record starts. Not thread-safe.
 */
public final class TfRecordReader implements Closeable {
  /** Larger records are not NAS-Bench-101 records (theirs are about 1 to 3 KB). */
  static final long MAX_RECORD = 1 << 26;

  private final Path file;
  private final InputStream in;
  private final byte[] header = new byte[12];
  private final byte[] footer = new byte[4];
  private final CRC32C crc = new CRC32C();
  private long position;
  private long recordOffset;
  private byte[] data = new byte[4096];
  private int length;

  /** Opens a file. */
  public TfRecordReader(Path file) throws IOException {
    this.file = file;
    this.in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
  }

  /**
   * Reads the next record; false at the clean end of the file.
   *
   * @throws InputException for a corrupt or truncated record, with its byte offset
   */
  public boolean next() throws IOException {
    recordOffset = position;
    int got = readFully(header, 12);
    if (got == 0) {
      return false;
    }
    if (got < 12) {
      throw corrupt("truncated record header (" + got + " of 12 bytes)");
    }
    if (masked(header, 0, 8) != readInt(header, 8)) {
      throw corrupt("bad CRC of the record length");
    }
    long len = readLong(header, 0);
    if (len < 0 || len > MAX_RECORD) {
      throw corrupt("record length " + Long.toUnsignedString(len) + " is implausible");
    }
    length = (int) len;
    if (data.length < length) {
      data = new byte[Math.max(length, data.length * 2)];
    }
    if (readFully(data, length) < length) {
      throw corrupt("truncated record data (" + length + " bytes announced)");
    }
    if (readFully(footer, 4) < 4) {
      throw corrupt("truncated record: the data CRC is missing");
    }
    if (masked(data, 0, length) != readInt(footer, 0)) {
      throw corrupt("bad CRC of the record data");
    }
    return true;
  }

  /** The current record's bytes: {@code data()[0 .. length())}. */
  public byte[] data() {
    return data;
  }

  /** The current record's length. */
  public int length() {
    return length;
  }

  /** The byte offset at which the current record starts. */
  public long recordOffset() {
    return recordOffset;
  }

  /** An error about the current record, located by its byte offset. */
  public InputException corrupt(String message) {
    return new InputException(file, "byte offset " + recordOffset, message);
  }

  /** TFRecord's masked CRC32C of bytes. */
  public static int maskedCrc(byte[] bytes, int offset, int length) {
    CRC32C crc = new CRC32C();
    crc.update(bytes, offset, length);
    return mask((int) crc.getValue());
  }

  private int masked(byte[] bytes, int offset, int len) {
    crc.reset();
    crc.update(bytes, offset, len);
    return mask((int) crc.getValue());
  }

  private static int mask(int crc) {
    return ((crc >>> 15) | (crc << 17)) + 0xa282ead8;
  }

  private int readFully(byte[] buffer, int len) throws IOException {
    int total = 0;
    while (total < len) {
      int n = in.read(buffer, total, len - total);
      if (n < 0) {
        break;
      }
      total += n;
    }
    position += total;
    return total;
  }

  private static long readLong(byte[] b, int offset) {
    long v = 0;
    for (int i = 7; i >= 0; i--) {
      v = v << 8 | (b[offset + i] & 0xffL);
    }
    return v;
  }

  private static int readInt(byte[] b, int offset) {
    return (b[offset] & 0xff) | (b[offset + 1] & 0xff) << 8 | (b[offset + 2] & 0xff) << 16
        | (b[offset + 3] & 0xff) << 24;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
