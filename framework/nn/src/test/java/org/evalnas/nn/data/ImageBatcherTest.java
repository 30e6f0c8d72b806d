package org.evalnas.nn.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ImageBatcherTest {

  /** {@code n} images of c x h x w; pixel value = image * 7 + channel * 3 + y * w + x (mod 256). */
  private static ImageSet pattern(int n, int c, int h, int w) {
    byte[] pixels = new byte[n * c * h * w];
    byte[] labels = new byte[n];
    for (int i = 0; i < n; i++) {
      labels[i] = (byte) (i % 10);
      for (int ch = 0; ch < c; ch++) {
        for (int y = 0; y < h; y++) {
          for (int x = 0; x < w; x++) {
            pixels[((i * c + ch) * h + y) * w + x] = (byte) (i * 7 + ch * 3 + y * w + x);
          }
        }
      }
    }
    return new ImageSet(pixels, labels, c, h, w, 10);
  }

  @Test
  void everyImageOncePerEpochInASeededOrder() {
    ImageSet set = pattern(50, 1, 4, 4);
    ImageBatcher b = new ImageBatcher(set, 8, true, true, Augmentation.none(), Normalization.unit(1), 3);
    assertThat(b.batchesPerEpoch()).isEqualTo(6);

    Set<Integer> seen = new HashSet<>();
    int[][] epoch0 = new int[6][8];
    for (int i = 0; i < 6; i++) {
      float[] data = b.fill(0, i, epoch0[i]);
      for (int k = 0; k < 8; k++) {
        // the first pixel of image i is 7i mod 256, distinct for i < 256
        seen.add(Math.round(data[k * 16] * 255));
      }
    }
    assertThat(seen).hasSize(48);

    int[] again = new int[8];
    assertThat(b.fill(0, 2, again)).containsExactly(b.fill(0, 2, new int[8]));
    b.fill(0, 2, again);
    assertThat(again).containsExactly(epoch0[2]);

    int[][] epoch1 = new int[6][8];
    for (int i = 0; i < 6; i++) {
      b.fill(1, i, epoch1[i]);
    }
    assertThat(epoch1).isNotEqualTo(epoch0);

    // a fresh batcher with the same seed makes the same batches, in any order
    ImageBatcher other = new ImageBatcher(set, 8, true, true, Augmentation.none(), Normalization.unit(1), 3);
    int[] labels = new int[8];
    other.fill(1, 4, labels);
    assertThat(labels).containsExactly(epoch1[4]);
    other.fill(0, 2, labels);
    assertThat(labels).containsExactly(epoch0[2]);
  }

  @Test
  void evaluationKeepsOrderAndTheLastSmallBatch() {
    ImageSet set = pattern(10, 1, 2, 2);
    ImageBatcher b = ImageBatcher.forEvaluation(set, 4, Normalization.unit(1));
    assertThat(b.batchesPerEpoch()).isEqualTo(3);
    int[] labels = new int[2];
    float[] data = b.fill(0, 2, labels);
    assertThat(labels).containsExactly(8, 9);
    assertThat(data).hasSize(8);
    assertThat(data[0]).isEqualTo((8 * 7) / 255f, within(1e-6f));
  }

  @Test
  void normalizesPerChannel() {
    ImageSet set = pattern(1, 3, 2, 2);
    Normalization n = new Normalization(new float[] {0.5f, 0.25f, 0f}, new float[] {0.5f, 0.25f, 2f});
    float[] data = ImageBatcher.forEvaluation(set, 1, n).fill(0, 0, new int[1]);
    for (int ch = 0; ch < 3; ch++) {
      for (int k = 0; k < 4; k++) {
        float pixel = set.pixel(0, ch, k / 2, k % 2) / 255f;
        float mean = new float[] {0.5f, 0.25f, 0f}[ch];
        float std = new float[] {0.5f, 0.25f, 2f}[ch];
        assertThat(data[ch * 4 + k]).isEqualTo((pixel - mean) / std, within(1e-5f));
      }
    }
  }

  @Test
  void placementShiftsFlipsAndPadsWithZero() {
    ImageSet set = pattern(1, 2, 5, 6);
    Augmentation fixed = (random, h, w) -> new Augmentation.Placement(1, -2, true);
    float[] data =
        new ImageBatcher(set, 1, false, false, fixed, Normalization.unit(2), 0).fill(0, 0, new int[1]);
    for (int ch = 0; ch < 2; ch++) {
      for (int y = 0; y < 5; y++) {
        for (int x = 0; x < 6; x++) {
          int sy = y + 1;
          int sx = (6 - 1 - x) - 2;
          float expected = sy < 5 && sx >= 0 ? set.pixel(0, ch, sy, sx) / 255f : 0f;
          assertThat(data[(ch * 5 + y) * 6 + x])
              .as("c%d y%d x%d", ch, y, x)
              .isEqualTo(expected, within(1e-6f));
        }
      }
    }
  }

  @Test
  void cropAndFlipDrawsShiftsWithinThePadding() {
    Augmentation a = Augmentation.cropAndFlip(4);
    var random = new java.util.SplittableRandom(1);
    Set<Integer> shifts = new HashSet<>();
    int flips = 0;
    for (int i = 0; i < 2000; i++) {
      Augmentation.Placement p = a.draw(random, 32, 32);
      assertThat(p.offsetY()).isBetween(-4, 4);
      assertThat(p.offsetX()).isBetween(-4, 4);
      shifts.add(p.offsetX());
      flips += p.flip() ? 1 : 0;
    }
    assertThat(shifts).hasSize(9);
    assertThat(flips).isBetween(900, 1100);
    assertThat(Arrays.asList(Augmentation.none().draw(random, 3, 3)))
        .containsExactly(Augmentation.Placement.IDENTITY);
  }
}
