package org.evalnas.nn.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.evalnas.api.InputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CifarBinaryTest {
  @TempDir Path dir;

  @Test
  void readsRecordsChannelMajorAcrossFiles() throws Exception {
    byte[] one = TestFiles.cifarBatch(0, 3);
    // give image 1 a distinct red, green and blue plane and a distinct top-left pixel
    int at = CifarBinary.RECORD_BYTES + 1;
    Arrays.fill(one, at, at + 1024, (byte) 10);
    Arrays.fill(one, at + 1024, at + 2048, (byte) 20);
    Arrays.fill(one, at + 2048, at + 3072, (byte) 30);
    one[at + 1024 + 32 * 5 + 7] = (byte) 250;
    Files.write(dir.resolve("a.bin"), one);
    Files.write(dir.resolve("b.bin"), TestFiles.cifarBatch(3, 2));

    ImageSet set = CifarBinary.read(List.of(dir.resolve("a.bin"), dir.resolve("b.bin")), "");

    assertThat(set.size()).isEqualTo(5);
    assertThat(set.channels()).isEqualTo(3);
    assertThat(set.height()).isEqualTo(32);
    assertThat(set.label(1)).isEqualTo(1);
    assertThat(set.label(4)).isEqualTo(4);
    assertThat(set.pixel(1, 0, 0, 0)).isEqualTo(10);
    assertThat(set.pixel(1, 1, 5, 7)).isEqualTo(250);
    assertThat(set.pixel(1, 2, 31, 31)).isEqualTo(30);
    assertThat(set.pixel(4, 2, 3, 3)).isEqualTo(4);
  }

  @Test
  void partialRecordNamesFileAndOffset() throws Exception {
    Path file = dir.resolve("data_batch_1.bin");
    byte[] two = TestFiles.cifarBatch(0, 2);
    Files.write(file, Arrays.copyOf(two, two.length - 100));

    assertThatThrownBy(() -> CifarBinary.read(List.of(file), "download it"))
        .isInstanceOfSatisfying(
            InputException.class,
            e -> {
              assertThat(e.file()).contains(file);
              assertThat(e.location()).contains("byte offset 3073");
              assertThat(e.getMessage()).contains("truncated").contains("download it");
            });
  }

  @Test
  void badLabelNamesItsRecord() throws Exception {
    Path file = dir.resolve("test_batch.bin");
    byte[] three = TestFiles.cifarBatch(0, 3);
    three[2 * CifarBinary.RECORD_BYTES] = 10;
    Files.write(file, three);

    assertThatThrownBy(() -> CifarBinary.read(List.of(file), ""))
        .isInstanceOfSatisfying(
            InputException.class,
            e -> {
              assertThat(e.location()).contains("byte offset 6146");
              assertThat(e.getMessage()).contains("label 10 is not a CIFAR-10 class");
            });
  }

  @Test
  void emptyFileIsAnError() throws Exception {
    Path file = dir.resolve("empty.bin");
    Files.write(file, new byte[0]);
    assertThatThrownBy(() -> CifarBinary.read(List.of(file), ""))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("truncated");
  }
}
