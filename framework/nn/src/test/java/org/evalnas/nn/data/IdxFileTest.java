package org.evalnas.nn.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.evalnas.api.InputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxFileTest {
  @TempDir Path dir;

  @Test
  void readsRawAndGzippedFiles() throws Exception {
    byte[] data = {1, 2, 3, 4, 5, 6, (byte) 200, 8, 9, 10, 11, 12};
    byte[] bytes = TestFiles.idx(data, 3, 2, 2);
    Files.write(dir.resolve("a-idx3-ubyte"), bytes);
    Files.write(dir.resolve("a-idx3-ubyte.gz"), TestFiles.gzip(bytes));

    for (String name : new String[] {"a-idx3-ubyte", "a-idx3-ubyte.gz"}) {
      IdxFile idx = IdxFile.read(dir.resolve(name), "");
      assertThat(idx.dimensions()).containsExactly(3, 2, 2);
      assertThat(idx.data()).containsExactly(data);
      assertThat(idx.headerBytes()).isEqualTo(16);
    }
  }

  @Test
  void truncatedDataNamesFileAndOffset() throws Exception {
    byte[] bytes = TestFiles.idx(new byte[12], 3, 2, 2);
    Path file = dir.resolve("t-idx3-ubyte");
    Files.write(file, Arrays.copyOf(bytes, bytes.length - 5));

    assertThatThrownBy(() -> IdxFile.read(file, "get it elsewhere"))
        .isInstanceOfSatisfying(
            InputException.class,
            e -> {
              assertThat(e.file()).contains(file);
              assertThat(e.location()).contains("byte offset 23");
              assertThat(e.describe())
                  .contains("t-idx3-ubyte")
                  .contains("truncated")
                  .contains("12 elements")
                  .contains("get it elsewhere");
            });
  }

  @Test
  void truncatedHeaderAndTrailingBytesAreErrors() throws Exception {
    Path header = dir.resolve("h");
    Files.write(header, Arrays.copyOf(TestFiles.idx(new byte[4], 2, 2), 9));
    assertThatThrownBy(() -> IdxFile.read(header, ""))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("header of 2 dimensions needs 12 bytes");

    Path trailing = dir.resolve("x");
    byte[] bytes = TestFiles.idx(new byte[4], 2, 2);
    Files.write(trailing, Arrays.copyOf(bytes, bytes.length + 3));
    assertThatThrownBy(() -> IdxFile.read(trailing, ""))
        .isInstanceOfSatisfying(
            InputException.class,
            e -> {
              assertThat(e.location()).contains("byte offset 16");
              assertThat(e.getMessage()).contains("3 bytes after the last element");
            });
  }

  @Test
  void badMagicTypeAndDimensionAreErrors() throws Exception {
    Path magic = dir.resolve("m");
    Files.write(magic, new byte[] {'P', 'K', 3, 4, 0, 0, 0, 0});
    assertThatThrownBy(() -> IdxFile.read(magic, ""))
        .isInstanceOfSatisfying(
            InputException.class,
            e -> {
              assertThat(e.location()).contains("byte offset 0");
              assertThat(e.getMessage()).contains("magic number 0x504b0304");
            });

    Path type = dir.resolve("f");
    byte[] floats = TestFiles.idx(new byte[4], 4);
    floats[2] = 0x0D;
    Files.write(type, floats);
    assertThatThrownBy(() -> IdxFile.read(type, ""))
        .isInstanceOfSatisfying(
            InputException.class,
            e -> {
              assertThat(e.location()).contains("byte offset 2");
              assertThat(e.getMessage()).contains("element type 0x0d");
            });

    Path zero = dir.resolve("z");
    Files.write(zero, TestFiles.idx(new byte[0], 3, 0));
    assertThatThrownBy(() -> IdxFile.read(zero, ""))
        .isInstanceOfSatisfying(
            InputException.class, e -> assertThat(e.location()).contains("byte offset 8"));
  }

  @Test
  void truncatedGzipNamesTheDecompressedOffset() throws Exception {
    byte[] data = new byte[50_000];
    new java.util.Random(1).nextBytes(data);
    byte[] gz = TestFiles.gzip(TestFiles.idx(data, 50_000));
    Path file = dir.resolve("cut-idx1-ubyte.gz");
    Files.write(file, Arrays.copyOf(gz, gz.length / 2));

    assertThatThrownBy(() -> IdxFile.read(file, "reinstall it"))
        .isInstanceOfSatisfying(
            InputException.class,
            e -> {
              assertThat(e.file()).contains(file);
              assertThat(e.location().orElseThrow()).matches("byte offset \\d+ of the decompressed data");
              assertThat(e.getMessage()).contains("corrupt or truncated gzip").contains("reinstall it");
            });
  }

  @Test
  void missingFileSaysHowToGetIt() {
    Path file = dir.resolve("nothing.gz");
    assertThatThrownBy(() -> IdxFile.read(file, "apt-get install it"))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("no such file; apt-get install it");
  }
}
