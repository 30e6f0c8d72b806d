package org.evalnas.nn.pooling;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.pooling.Pool;

/**
 * 2-D max pooling that runs libtorch's channels-last CPU kernel on an NCHW array, for the same
 * values and the same gradients bit for bit.
 *
 * <p>Why: on a CPU, libtorch's NCHW max pooling is a scalar loop (about 30 ns per element for a
 * 3x3 window, the largest single cost of a NAS-Bench-101 supernet step), while its channels-last
 * kernel is vectorised over channels. Both scan a window in the same order and keep the first
 * maximum, so values, argmax indices and therefore gradients agree; only the memory order of
 * the input and output differs, and this class converts both ways (two copies, about 1 ms each
 * for a 128 x 16 x 28 x 28 batch). On a GPU, and for arrays of fewer channels than a CPU vector
 * holds, it calls {@link Pool#maxPool2d} unchanged.
 */
public final class ChannelsLastMaxPool {
  /**
   * Floats per vector in libtorch's CPU kernels (AVX2). With fewer channels the channels-last
   * kernel runs only its scalar tail and is slower than the NCHW one (5 channels, 128 x 28 x 28,
   * one thread: 23.5 against 17.4 ms forward and backward; 8 channels: 13.4 against 27.0 ms).
   */
  static final int VECTOR_FLOATS = 8;

  private ChannelsLastMaxPool() {}

  /**
   * The max pooling of an NCHW array {@code x}, in NCHW (contiguous), as {@link
   * Pool#maxPool2d(NDArray, Shape, Shape, Shape, boolean)}.
   */
  public static NDArray maxPool2d(
      NDArray x, Shape kernel, Shape stride, Shape padding, boolean ceilMode) {
    if (x.getDevice().isGpu()
        || x.getShape().dimension() != 4
        || x.getShape().get(1) < VECTOR_FLOATS) {
      return Pool.maxPool2d(x, kernel, stride, padding, ceilMode);
    }
    NDArray pooled = Pool.maxPool2d(toChannelsLast(x), kernel, stride, padding, ceilMode);
    return toContiguous(pooled);
  }

  /**
   * The same NCHW array stored channels-last. DJL has no memory-format argument, so the copy
   * comes from a reshape that no view can serve: (n, h, w, c) merged to (n, h, w * c). Where a
   * view can serve (one channel, say), the result is simply the same array, which is correct too.
   */
  static NDArray toChannelsLast(NDArray x) {
    Shape s = x.getShape();
    long n = s.get(0);
    long c = s.get(1);
    long h = s.get(2);
    long w = s.get(3);
    return x.transpose(0, 2, 3, 1).reshape(n, h, w * c).reshape(n, h, w, c).transpose(0, 3, 1, 2);
  }

  /** A channels-last NCHW array copied to contiguous NCHW by a reshape to (n, c * h, w). */
  static NDArray toContiguous(NDArray y) {
    Shape s = y.getShape();
    return y.reshape(s.get(0), s.get(1) * s.get(2), s.get(3)).reshape(s);
  }
}
