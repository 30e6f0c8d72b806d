package org.evalnas.runtime.execution;

import java.util.List;

/** The values of {@code execution.backend}. */
public final class Backends {
  /** Cells run in this process, {@code execution.parallel} at a time. */
  public static final String LOCAL = "local";
  /** Cells run as the tasks of SLURM array jobs. */
  public static final String SLURM = "slurm";
  /** Every backend, for validation and messages. */
  public static final List<String> ALL = List.of(LOCAL, SLURM);

  private Backends() {}
}
