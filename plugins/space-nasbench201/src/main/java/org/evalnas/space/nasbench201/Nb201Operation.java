package org.evalnas.space.nasbench201;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The operation on an edge of a NAS-Bench-201 cell, in the official order of
 * {@code NAS_BENCH_201} in AutoDL-Projects' {@code cell_operations.py}. The ordinal is the
 * option index of every edge decision and the digit of the benchmark's generation order, so
 * the order must not change.
 */
public enum Nb201Operation {
  /** The zero operation: the edge does not exist. */
  NONE("none"),
  /** Identity. */
  SKIP_CONNECT("skip_connect"),
  /** ReLU, 1x1 convolution, batch norm. */
  NOR_CONV_1X1("nor_conv_1x1"),
  /** ReLU, 3x3 convolution, batch norm. */
  NOR_CONV_3X3("nor_conv_3x3"),
  /** 3x3 average pooling. */
  AVG_POOL_3X3("avg_pool_3x3");

  private static final Nb201Operation[] VALUES = values();
  private static final List<String> NAMES =
      Arrays.stream(VALUES).map(Nb201Operation::officialName).toList();

  private final String officialName;

  Nb201Operation(String officialName) {
    this.officialName = officialName;
  }

  /** The name used in architecture strings, e.g. {@code nor_conv_3x3}. */
  public String officialName() {
    return officialName;
  }

  /** The operation with this ordinal. */
  public static Nb201Operation ofOrdinal(int ordinal) {
    return VALUES[ordinal];
  }

  /** The operation with this official name, if there is one. */
  public static Optional<Nb201Operation> ofName(String name) {
    for (Nb201Operation op : VALUES) {
      if (op.officialName.equals(name)) {
        return Optional.of(op);
      }
    }
    return Optional.empty();
  }

  /** The official names in ordinal order. */
  public static List<String> officialNames() {
    return NAMES;
  }

  /** The number of operations, 5. */
  public static int count() {
    return VALUES.length;
  }
}
