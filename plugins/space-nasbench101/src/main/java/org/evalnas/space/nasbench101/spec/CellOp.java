package org.evalnas.space.nasbench101.spec;

import java.util.List;
import java.util.Optional;

/**
 * The operations a NAS-Bench-101 vertex can carry, with the official names ({@code
 * nasbench/lib/config.py}), the integer labels the official hash uses and a short form for
 * {@link CellLabel}.
 */
public enum CellOp {
  INPUT("input", -1, "in"),
  CONV3X3("conv3x3-bn-relu", 0, "c3"),
  CONV1X1("conv1x1-bn-relu", 1, "c1"),
  MAXPOOL3X3("maxpool3x3", 2, "mp"),
  OUTPUT("output", -2, "out");

  /** The operations of interior vertices, in the official order ({@code available_ops}). */
  public static final List<CellOp> INTERIOR = List.of(CONV3X3, CONV1X1, MAXPOOL3X3);

  private final String officialName;
  private final int hashLabel;
  private final String shortName;

  CellOp(String officialName, int hashLabel, String shortName) {
    this.officialName = officialName;
    this.hashLabel = hashLabel;
    this.shortName = shortName;
  }

  /** The name the benchmark files and the official API use, e.g. {@code conv3x3-bn-relu}. */
  public String officialName() {
    return officialName;
  }

  /** The label {@code graph_util.hash_module} sees: input -1, output -2, interior 0..2. */
  public int hashLabel() {
    return hashLabel;
  }

  /** The short form used in labels, e.g. {@code c3}. */
  public String shortName() {
    return shortName;
  }

  /** The operation of an official name. */
  public static Optional<CellOp> byOfficialName(String name) {
    for (CellOp op : values()) {
      if (op.officialName.equals(name)) {
        return Optional.of(op);
      }
    }
    return Optional.empty();
  }

  /** The operation of a short name. */
  public static Optional<CellOp> byShortName(String name) {
    for (CellOp op : values()) {
      if (op.shortName.equals(name)) {
        return Optional.of(op);
      }
    }
    return Optional.empty();
  }

  /** The interior operation with hash label (and index in {@link #INTERIOR}) {@code label}. */
  public static CellOp interior(int label) {
    return INTERIOR.get(label);
  }
}
