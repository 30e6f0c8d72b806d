package org.evalnas.nn.checkpoint;

import java.util.Arrays;

/**
 * A float32 array on the host: its shape and its values in row-major order.
 *
 * @param shape the dimensions
 * @param values the elements, as many as the product of the dimensions
 */
public record Tensor(long[] shape, float[] values) {

  public Tensor {
    long n = 1;
    for (long d : shape) {
      if (d < 0) {
        throw new IllegalArgumentException("negative dimension in " + Arrays.toString(shape));
      }
      n *= d;
    }
    if (n != values.length) {
      throw new IllegalArgumentException(
          values.length + " values for shape " + Arrays.toString(shape));
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Tensor t && Arrays.equals(shape, t.shape) && Arrays.equals(values, t.values);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(shape) + Arrays.hashCode(values);
  }

  @Override
  public String toString() {
    return "Tensor" + Arrays.toString(shape);
  }
}
