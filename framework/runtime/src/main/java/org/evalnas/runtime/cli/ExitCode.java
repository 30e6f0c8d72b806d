package org.evalnas.runtime.cli;

/** The process exit codes. */
public final class ExitCode {
  /** Everything finished. */
  public static final int OK = 0;
  /** A run failed: a cell or the machinery broke. */
  public static final int RUN_FAILED = 1;
  /** Bad config or input: nothing ran, or the input must be fixed. */
  public static final int BAD_INPUT = 2;

  private ExitCode() {}
}
