package org.evalnas.nn.data;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The batches of an {@link ImageBatcher} in training order, each made on a background thread
 * while the step before it runs, with the same values bit for bit (a batch is a function of its
 * epoch and index alone).
 *
 * <p>Why: making a batch reads its images from all over the training set and writes 400 KB for
 * 128 Fashion-MNIST images. During training, with the caches full of the network's arrays, that
 * took the training thread about 1.3 ms, and copying the result into memory the engine can read
 * another 0.6 ms, on every step. Here the background thread writes the values straight into
 * native memory that the images array then wraps without a copy (on a CPU; for a GPU the engine
 * copies them to the device). With one intra-op thread and a core to spare, the 8-channel
 * NAS-Bench-101 supernet trained 4-7 % more images/s; where both cores are busy (two workers, or
 * two intra-op threads) the work only moves and the rate stayed within the noise.
 *
 * <p>Two native buffers take turns, so <b>the images of a batch are valid only until the next
 * call of {@link #batch}</b>: that call starts writing the batch after it into the memory of the
 * one before. A training step closes its arrays before the next step asks for a batch. Not
 * thread-safe: one training thread calls it.
 */
public final class PrefetchingBatcher implements AutoCloseable {
  private final ImageBatcher batcher;
  private final ExecutorService background;
  private final ByteBuffer[] buffers = new ByteBuffer[2];
  private int turn;
  // the values before they go to native memory, reused by whichever thread makes the batch
  private float[] host = new float[0];
  private Future<HostBatch> ahead;
  private int aheadEpoch = -1;
  private int aheadIndex = -1;

  /** @param batcher the batches to make; only this object may use it from now on */
  public PrefetchingBatcher(ImageBatcher batcher) {
    this.batcher = batcher;
    this.background =
        Executors.newSingleThreadExecutor(
            task -> {
              Thread thread = new Thread(task, "evalnas-batch-prefetch");
              thread.setDaemon(true);
              return thread;
            });
  }

  /** Batches per epoch. */
  public int batchesPerEpoch() {
    return batcher.batchesPerEpoch();
  }

  /** The images this batcher cuts. */
  public ImageSet set() {
    return batcher.set();
  }

  /**
   * Batch {@code index} of {@code epoch} in {@code manager}, as {@link ImageBatcher#batch}; then
   * starts making the batch after it. Its images are valid until the next call.
   */
  public Batch batch(NDManager manager, int epoch, int index) {
    HostBatch made;
    if (ahead != null && aheadEpoch == epoch && aheadIndex == index) {
      made = await(ahead);
    } else {
      if (ahead != null) {
        settle(ahead); // a batch nobody asked for, in a buffer about to be written again
      }
      made = make(epoch, index, nextBuffer());
    }
    int nextIndex = index + 1 < batcher.batchesPerEpoch() ? index + 1 : 0;
    int nextEpoch = nextIndex == 0 ? epoch + 1 : epoch;
    ByteBuffer target = nextBuffer();
    ahead = background.submit(() -> make(nextEpoch, nextIndex, target));
    aheadEpoch = nextEpoch;
    aheadIndex = nextIndex;

    int n = made.labels().length;
    Shape shape = new Shape(n, batcher.set().channels(), batcher.set().height(), batcher.set().width());
    NDArray images = manager.create(made.images(), shape, DataType.FLOAT32);
    return new Batch(images, manager.create(made.labels()), made.labels());
  }

  /** The native buffer whose turn it is. */
  private ByteBuffer nextBuffer() {
    int slot = turn;
    turn = 1 - turn;
    if (buffers[slot] == null) {
      int bytes = batcher.batchSize() * batcher.set().imageBytes() * Float.BYTES;
      buffers[slot] = ByteBuffer.allocateDirect(bytes).order(ByteOrder.nativeOrder());
    }
    return buffers[slot];
  }

  /** Makes a batch into {@code target}; one thread at a time (the other waits for it). */
  private HostBatch make(int epoch, int index, ByteBuffer target) {
    int[] labels = new int[batcher.checkedSize(index)];
    int values = labels.length * batcher.set().imageBytes();
    if (host.length < values) {
      host = new float[values];
    }
    batcher.fillInto(epoch, index, labels, host);
    ByteBuffer images = target.duplicate().order(ByteOrder.nativeOrder());
    images.clear().limit(values * Float.BYTES);
    images.asFloatBuffer().put(host, 0, values);
    return new HostBatch(images, labels);
  }

  private static HostBatch await(Future<HostBatch> future) {
    try {
      return future.get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException("making a batch failed", e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for a batch", e);
    }
  }

  /** Waits until an unwanted batch is done with its buffer; its result, or failure, is dropped. */
  private static void settle(Future<HostBatch> future) {
    try {
      future.get();
    } catch (ExecutionException e) {
      // nobody asked for this batch; the one asked for is made again and fails on its own
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for a batch", e);
    }
  }

  /** Stops the background thread. */
  @Override
  public void close() {
    background.shutdownNow();
  }

  /** A batch in native memory, before it becomes arrays. */
  private record HostBatch(ByteBuffer images, int[] labels) {}
}
