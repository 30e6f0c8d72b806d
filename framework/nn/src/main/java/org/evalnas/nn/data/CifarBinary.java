package org.evalnas.nn.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.evalnas.api.InputException;

/**
 * Reads CIFAR-10 binary batches ({@code data_batch_1.bin} ... {@code test_batch.bin}): records
 * of one label byte (0..9) and 3072 pixel bytes (1024 red, 1024 green, 1024 blue, each 32 rows
 * of 32), with nothing between records.
 */
public final class CifarBinary {
  /** Bytes per record: a label and a 3 x 32 x 32 image. */
  public static final int RECORD_BYTES = 1 + 3 * 32 * 32;

  private CifarBinary() {}

  /**
   * Reads and concatenates batch files.
   *
   * @param howToGet what the user can do about a bad file, appended to each message
   * @throws InputException naming the file and the byte offset when a file is missing, ends in
   *     the middle of a record or holds a label above 9
   */
  public static ImageSet read(List<Path> files, String howToGet) {
    String hint = howToGet.isEmpty() ? "" : "; " + howToGet;
    byte[][] contents = new byte[files.size()][];
    int records = 0;
    for (int f = 0; f < files.size(); f++) {
      Path file = files.get(f);
      try {
        contents[f] = Files.readAllBytes(file);
      } catch (NoSuchFileException e) {
        throw new InputException(file, null, "no such file" + hint, e);
      } catch (IOException e) {
        throw new InputException(file, null, "cannot read: " + e.getMessage(), e);
      }
      int length = contents[f].length;
      if (length == 0 || length % RECORD_BYTES != 0) {
        throw new InputException(
            file,
            "byte offset " + (length - length % RECORD_BYTES),
            "truncated: " + length + " bytes is not a whole number of " + RECORD_BYTES
                + "-byte CIFAR-10 records" + hint);
      }
      records += length / RECORD_BYTES;
    }
    int imageBytes = RECORD_BYTES - 1;
    byte[] pixels = new byte[records * imageBytes];
    byte[] labels = new byte[records];
    int at = 0;
    for (int f = 0; f < files.size(); f++) {
      byte[] content = contents[f];
      for (int offset = 0; offset < content.length; offset += RECORD_BYTES, at++) {
        int label = Byte.toUnsignedInt(content[offset]);
        if (label > 9) {
          throw new InputException(
              files.get(f),
              "byte offset " + offset,
              "label " + label + " is not a CIFAR-10 class (0-9)" + hint);
        }
        labels[at] = content[offset];
        System.arraycopy(content, offset + 1, pixels, at * imageBytes, imageBytes);
      }
      contents[f] = null;
    }
    return ImageSet.wrap(pixels, labels, 3, 32, 32, 10);
  }
}
