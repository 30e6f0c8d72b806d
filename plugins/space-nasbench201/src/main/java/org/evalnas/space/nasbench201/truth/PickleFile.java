package org.evalnas.space.nasbench201.truth;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import net.razorvine.pickle.Unpickler;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;
import org.evalnas.api.InputException;

/**
 * Reads one bz2-compressed Python pickle, as NATS-Bench writes them ({@code *.pickle.pbz2}).
 *
 * <p>The file is decompressed into memory first (a record is about 330 KB) and then unpickled,
 * so that a fault can be placed: a bz2 fault at a byte offset of the compressed file, a pickle
 * fault at a byte offset of the decompressed stream.
 */
final class PickleFile {
  private PickleFile() {}

  /** The unpickled object: maps, lists, Object[] tuples, strings, numbers, null. */
  static Object read(Path file) {
    NumpyScalars.register();
    byte[] raw = decompress(file);
    OffsetStream in = new OffsetStream(raw);
    Unpickler unpickler = new Unpickler();
    try {
      return unpickler.load(in);
    } catch (IOException | RuntimeException e) {
      // the library throws a mix of its own, I/O and runtime exceptions for a bad stream
      throw new InputException(
          file,
          "byte offset " + in.offset() + " of the decompressed pickle",
          "is not a readable pickle: " + describe(e),
          e);
    } finally {
      unpickler.close();
    }
  }

  private static byte[] decompress(Path file) {
    BZip2CompressorInputStream bz = null;
    try (InputStream in = Files.newInputStream(file)) {
      bz = new BZip2CompressorInputStream(in, true);
      ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 19);
      bz.transferTo(out);
      return out.toByteArray();
    } catch (IOException e) {
      String location = bz == null ? "byte offset 0" : "byte offset " + bz.getCompressedCount();
      throw new InputException(
          file, location, "is not a complete bz2 stream (corrupt or truncated?): " + describe(e), e);
    }
  }

  private static String describe(Exception e) {
    String message = e.getMessage();
    return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
  }

  /** A byte-array stream that tells how far the unpickler got. */
  private static final class OffsetStream extends ByteArrayInputStream {
    OffsetStream(byte[] bytes) {
      super(bytes);
    }

    int offset() {
      return pos;
    }
  }
}
