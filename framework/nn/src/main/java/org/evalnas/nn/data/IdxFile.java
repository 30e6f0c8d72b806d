package org.evalnas.nn.data;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import org.evalnas.api.InputException;

/**
 * An IDX file (the format of MNIST and Fashion-MNIST): a big-endian header of two zero bytes,
 * the element type ({@code 0x08}: unsigned byte, the only type read here), the number of
 * dimensions and each dimension as a 32-bit integer, then the elements.
 *
 * @param dimensions the dimensions, e.g. {@code [60000, 28, 28]}
 * @param data the elements, exactly the product of the dimensions
 * @param headerBytes the length of the header, i.e. the byte offset of the first element
 */
public record IdxFile(int[] dimensions, byte[] data, int headerBytes) {
  /** The only element type read: unsigned byte. */
  public static final int UNSIGNED_BYTE = 0x08;

  /**
   * Reads an IDX file, gzipped when its name ends in {@code .gz}.
   *
   * @param file the file
   * @param howToGet what the user can do about a bad file, appended to each message
   * @throws InputException naming the file and the byte offset when it is missing, not IDX,
   *     truncated or longer than its header says
   */
  public static IdxFile read(Path file, String howToGet) {
    byte[] bytes = readBytes(file, howToGet);
    String hint = howToGet.isEmpty() ? "" : "; " + howToGet;
    String where = file.getFileName().toString().endsWith(".gz") ? " of the decompressed data" : "";
    if (bytes.length < 4) {
      throw new InputException(
          file, "byte offset " + bytes.length + where, "not an IDX file: it ends in the header" + hint);
    }
    int magic = readInt(bytes, 0);
    if (bytes[0] != 0 || bytes[1] != 0) {
      throw new InputException(
          file,
          "byte offset 0",
          String.format("not an IDX file: magic number 0x%08x does not start with two zero bytes", magic)
              + hint);
    }
    int type = Byte.toUnsignedInt(bytes[2]);
    if (type != UNSIGNED_BYTE) {
      throw new InputException(
          file,
          "byte offset 2",
          String.format("IDX element type 0x%02x is not supported (only 0x08, unsigned byte)", type)
              + hint);
    }
    int rank = Byte.toUnsignedInt(bytes[3]);
    if (rank < 1) {
      throw new InputException(file, "byte offset 3", "IDX file with no dimensions" + hint);
    }
    int header = 4 + 4 * rank;
    if (bytes.length < header) {
      throw new InputException(
          file,
          "byte offset " + bytes.length + where,
          "truncated: the header of " + rank + " dimensions needs " + header + " bytes" + hint);
    }
    int[] dims = new int[rank];
    long elements = 1;
    for (int i = 0; i < rank; i++) {
      dims[i] = readInt(bytes, 4 + 4 * i);
      if (dims[i] <= 0) {
        throw new InputException(
            file, "byte offset " + (4 + 4 * i), "dimension " + i + " is " + dims[i] + hint);
      }
      elements *= dims[i];
      if (elements > Integer.MAX_VALUE - header) {
        throw new InputException(
            file, "byte offset " + (4 + 4 * i), "the dimensions hold more than 2 GB" + hint);
      }
    }
    long expected = header + elements;
    if (bytes.length < expected) {
      throw new InputException(
          file,
          "byte offset " + bytes.length + where,
          "truncated: the header promises " + elements + " elements, the file ends after "
              + (bytes.length - header) + hint);
    }
    if (bytes.length > expected) {
      throw new InputException(
          file,
          "byte offset " + expected + where,
          (bytes.length - expected) + " bytes after the last element" + hint);
    }
    byte[] data = new byte[(int) elements];
    System.arraycopy(bytes, header, data, 0, data.length);
    return new IdxFile(dims, data, header);
  }

  private static byte[] readBytes(Path file, String howToGet) {
    boolean gzip = file.getFileName().toString().endsWith(".gz");
    try (InputStream raw = Files.newInputStream(file)) {
      if (!gzip) {
        return raw.readAllBytes();
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 20);
      try (InputStream in = new GZIPInputStream(raw, 1 << 16)) {
        in.transferTo(out);
      } catch (IOException e) {
        throw new InputException(
            file,
            "byte offset " + out.size() + " of the decompressed data",
            "corrupt or truncated gzip data (" + e.getMessage() + ")"
                + (howToGet.isEmpty() ? "" : "; " + howToGet),
            e);
      }
      return out.toByteArray();
    } catch (NoSuchFileException e) {
      throw new InputException(file, null, "no such file" + (howToGet.isEmpty() ? "" : "; " + howToGet), e);
    } catch (IOException e) {
      throw new InputException(file, null, "cannot read: " + e.getMessage(), e);
    }
  }

  private static int readInt(byte[] b, int offset) {
    return (b[offset] & 0xff) << 24
        | (b[offset + 1] & 0xff) << 16
        | (b[offset + 2] & 0xff) << 8
        | (b[offset + 3] & 0xff);
  }
}
