package org.evalnas.nn.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDManager;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class PrefetchingBatcherTest {

  /** 50 images of 2 x 5 x 5 with distinct pixels, so a wrong image or pixel shows. */
  private static ImageSet images() {
    int n = 50;
    int bytes = 2 * 5 * 5;
    byte[] pixels = new byte[n * bytes];
    byte[] labels = new byte[n];
    for (int i = 0; i < n; i++) {
      labels[i] = (byte) (i % 10);
      for (int k = 0; k < bytes; k++) {
        pixels[i * bytes + k] = (byte) (i * 5 + k * 3);
      }
    }
    return new ImageSet(pixels, labels, 2, 5, 5, 10);
  }

  private static final Normalization NORMALIZATION =
      new Normalization(new float[] {0.3f, 0.6f}, new float[] {0.2f, 0.4f});

  private static ImageBatcher batcher(Augmentation augmentation) {
    return new ImageBatcher(images(), 8, true, true, augmentation, NORMALIZATION, 11);
  }

  /** Asks {@code prefetching} for batch (epoch, index), checks it against {@code reference}. */
  private static void assertSameBatch(
      PrefetchingBatcher prefetching, ImageBatcher reference, NDManager manager, int epoch, int index) {
    int[] labels = new int[8];
    float[] expected = reference.fill(epoch, index, labels);
    try (NDManager step = manager.newSubManager()) {
      Batch batch = prefetching.batch(step, epoch, index);
      assertThat(batch.images().getShape().getShape()).containsExactly(8, 2, 5, 5);
      assertThat(batch.images().toFloatArray()).as("epoch %d batch %d", epoch, index).containsExactly(expected);
      assertThat(batch.labelValues()).containsExactly(labels);
      assertThat(batch.labels().toIntArray()).containsExactly(labels);
    }
  }

  @Test
  void makesTheBatchersBatchesBitForBitInTrainingOrderAcrossEpochs() {
    // crops and flips, so both ways of filling a batch are in play
    ImageBatcher reference = batcher(Augmentation.cropAndFlip(1));
    try (NDManager manager = NDManager.newBaseManager();
        PrefetchingBatcher prefetching = new PrefetchingBatcher(batcher(Augmentation.cropAndFlip(1)))) {
      assertThat(prefetching.batchesPerEpoch()).isEqualTo(6);
      for (int epoch = 0; epoch < 3; epoch++) {
        for (int index = 0; index < 6; index++) {
          assertSameBatch(prefetching, reference, manager, epoch, index);
        }
      }
    }
  }

  @Test
  void aBatchOutOfTurnIsMadeOnTheSpot() {
    ImageBatcher reference = batcher(Augmentation.none());
    try (NDManager manager = NDManager.newBaseManager();
        PrefetchingBatcher prefetching = new PrefetchingBatcher(batcher(Augmentation.none()))) {
      assertSameBatch(prefetching, reference, manager, 0, 0);
      assertSameBatch(prefetching, reference, manager, 0, 1);
      // a resumed run starts elsewhere; the batch made ahead, (0, 2), is dropped, also when
      // only its epoch differs
      assertSameBatch(prefetching, reference, manager, 3, 2);
      assertSameBatch(prefetching, reference, manager, 4, 4);
      assertSameBatch(prefetching, reference, manager, 0, 2);
      assertSameBatch(prefetching, reference, manager, 0, 3);
      // the last batch of an epoch, then the first of the next
      assertSameBatch(prefetching, reference, manager, 0, 5);
      assertSameBatch(prefetching, reference, manager, 1, 0);
    }
  }

  @Test
  void theNextBatchIsMadeOnTheBackgroundThreadBeforeItIsAskedFor() throws Exception {
    CountDownLatch secondBatchStarted = new CountDownLatch(1);
    AtomicInteger draws = new AtomicInteger();
    AtomicReference<String> madeBy = new AtomicReference<>();
    // the 9th image drawn is the first of batch (0, 1)
    Augmentation watching =
        (random, height, width) -> {
          if (draws.incrementAndGet() == 9) {
            madeBy.set(Thread.currentThread().getName());
            secondBatchStarted.countDown();
          }
          return Augmentation.Placement.IDENTITY;
        };
    try (NDManager manager = NDManager.newBaseManager();
        PrefetchingBatcher prefetching = new PrefetchingBatcher(batcher(watching))) {
      try (NDManager step = manager.newSubManager()) {
        prefetching.batch(step, 0, 0);
      }
      // nobody has asked for (0, 1) yet
      assertThat(secondBatchStarted.await(30, TimeUnit.SECONDS)).isTrue();
      assertThat(madeBy.get()).isEqualTo("evalnas-batch-prefetch");
      assertSameBatch(prefetching, batcher(Augmentation.none()), manager, 0, 1);
    }
  }

  @Test
  void aFailureOnTheBackgroundThreadReachesTheCallerOfItsBatch() {
    AtomicInteger draws = new AtomicInteger();
    // the 9th image drawn is the first of the second batch, which is made in the background
    Augmentation failing =
        (random, height, width) -> {
          if (draws.incrementAndGet() == 9) {
            throw new IllegalStateException("no placement for image 9");
          }
          return Augmentation.Placement.IDENTITY;
        };
    try (NDManager manager = NDManager.newBaseManager();
        PrefetchingBatcher prefetching = new PrefetchingBatcher(batcher(failing))) {
      try (NDManager step = manager.newSubManager()) {
        assertThat(prefetching.batch(step, 0, 0).size()).isEqualTo(8);
      }
      try (NDManager step = manager.newSubManager()) {
        assertThatThrownBy(() -> prefetching.batch(step, 0, 1))
            .isInstanceOf(IllegalStateException.class)
            .hasMessage("no placement for image 9");
      }
    }
  }
}
