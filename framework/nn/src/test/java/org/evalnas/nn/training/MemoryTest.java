package org.evalnas.nn.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.evalnas.nn.device.DeviceChoice;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Memory stays flat over a long run: every step frees what it made.
 *
 * <p>Resident memory is read after a garbage collection every 100 steps (DJL copies batches
 * through direct buffers, whose native memory goes back at the next collection), with a fixed,
 * pre-touched heap (see the pom), so only native growth shows. A leak grows in every interval;
 * one-time growth (the JIT, a new malloc arena) shows in one interval, so the test bounds the
 * median interval's growth tightly and the total loosely.
 */
@Tag("slow")
class MemoryTest {
  private static final Path STATUS = Path.of("/proc/self/status");

  /** The resident set size in KiB, from /proc/self/status. */
  static long rssKib() throws IOException {
    for (String line : Files.readAllLines(STATUS)) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
      }
    }
    throw new IllegalStateException("no VmRSS in " + STATUS);
  }

  @Test
  void rssStaysFlatOverAThousandSteps() throws IOException {
    assumeThat(Files.isReadable(STATUS)).as("Linux /proc").isTrue();
    TrainingOptions options =
        TrainingOptions.builder()
            .setEpochs(100)
            .setBatchSize(32)
            .setLearningRate(0.05)
            .optNesterov(true)
            .optWeightDecay(5e-4)
            .optGradientClipNorm(5)
            .optSeed(3)
            .optDevice(DeviceChoice.CPU)
            .build();
    // 320 images of 8 x 8, 10 steps per epoch; validation after each epoch exercises evaluate()
    try (TrainingSession s =
        TrainingSession.builder()
            .setBlock(TinyNets.cnn(4))
            .setTrainingSet(TinyNets.quadrants(320, 8, 5))
            .optValidationSet(TinyNets.quadrants(64, 8, 6))
            .setOptions(options)
            .build()) {
      long[] rss = new long[11];
      System.gc();
      rss[0] = rssKib();
      long begin = System.nanoTime();
      for (int i = 1; i <= 10; i++) {
        s.trainSteps(100);
        System.gc();
        rss[i] = rssKib();
      }
      double stepMillis = (System.nanoTime() - begin) / 1e6 / 1000;
      long[] growth = new long[10];
      for (int i = 0; i < 10; i++) {
        growth[i] = rss[i + 1] - rss[i];
      }
      long[] sorted = growth.clone();
      Arrays.sort(sorted);
      long median = (sorted[4] + sorted[5]) / 2;
      System.out.printf(
          "RSS (MiB) at steps 0, 100, ..., 1000: %s; growth per 100 steps (KiB): %s;"
              + " median %d KiB; %.2f ms a step%n",
          Arrays.toString(Arrays.stream(rss).map(k -> k / 1024).toArray()),
          Arrays.toString(growth),
          median,
          stepMillis);
      assertThat(s.step()).isEqualTo(1000);
      assertThat(median).as("median RSS growth per 100 steps, KiB").isLessThan(1024);
      assertThat(rss[10] - rss[1]).as("RSS growth from step 100 to 1000, KiB").isLessThan(64 * 1024);
    }
  }
}
