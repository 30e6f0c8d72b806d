package org.evalnas.nn.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.evalnas.api.InputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointTest {
  @TempDir Path dir;

  private static Checkpoint sample() {
    Map<String, Tensor> params = new LinkedHashMap<>();
    params.put("01Linear_weight", new Tensor(new long[] {2, 3}, new float[] {1, 2, 3, 4, 5, Float.MIN_VALUE}));
    params.put("01Linear_bias", new Tensor(new long[] {2}, new float[] {-0f, Float.NaN}));
    return new Checkpoint(
        "epochs=3 batch=32",
        -7L,
        Map.of("epoch", 1L, "step", 8L),
        Map.of("loss-sum", 0.1 + 0.2),
        params,
        Map.of("01Linear_weight", new Tensor(new long[] {2, 3}, new float[6])));
  }

  @Test
  void roundTripsExactly() throws Exception {
    Path file = dir.resolve("a/b/ckpt");
    sample().write(file);
    sample().write(file); // overwrites atomically

    Checkpoint read = Checkpoint.read(file);

    assertThat(read).isEqualTo(sample());
    assertThat(read.parameters().keySet()).containsExactly("01Linear_weight", "01Linear_bias");
    assertThat(read.counter("step")).isEqualTo(8);
    assertThat(read.metrics().get("loss-sum")).isEqualTo(0.1 + 0.2);
    try (var listing = Files.list(file.getParent())) {
      assertThat(listing).containsExactly(file);
    }
  }

  @Test
  void truncatedCheckpointNamesTheOffset() throws Exception {
    Path file = dir.resolve("ckpt");
    sample().write(file);
    byte[] bytes = Files.readAllBytes(file);
    Files.write(file, Arrays.copyOf(bytes, 60));

    assertThatThrownBy(() -> Checkpoint.read(file))
        .isInstanceOfSatisfying(
            InputException.class,
            e -> {
              assertThat(e.file()).contains(file);
              assertThat(e.location()).contains("byte offset 60");
              assertThat(e.getMessage()).contains("truncated");
            });
  }

  @Test
  void flippedBitFailsTheChecksum() throws Exception {
    Path file = dir.resolve("ckpt");
    sample().write(file);
    byte[] bytes = Files.readAllBytes(file);
    bytes[bytes.length - 20] ^= 1;
    Files.write(file, bytes);

    assertThatThrownBy(() -> Checkpoint.read(file))
        .isInstanceOfSatisfying(
            InputException.class,
            e -> {
              assertThat(e.location()).contains("byte offset " + (bytes.length - 8));
              assertThat(e.getMessage()).contains("checksum does not match");
            });
  }

  @Test
  void otherFilesAreNotCheckpoints() throws Exception {
    Path file = dir.resolve("x");
    Files.writeString(file, "hello, world, not a checkpoint");
    assertThatThrownBy(() -> Checkpoint.read(file))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("not an evalnas checkpoint");
    assertThatThrownBy(() -> Checkpoint.read(dir.resolve("missing")))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("no such checkpoint");
  }
}
