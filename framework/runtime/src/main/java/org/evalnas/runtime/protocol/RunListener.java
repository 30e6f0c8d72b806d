package org.evalnas.runtime.protocol;

/** Told how a run advances, cell by cell (progress bars, metrics). */
public interface RunListener extends QueryListener {

  /** A listener that ignores everything. */
  RunListener NONE = new RunListener() {};

  /** The run starts: {@code total} cells, {@code resumed} of them already finished. */
  default void runStarted(String experiment, int total, int resumed) {}

  /** A cell starts running (cells resumed from an earlier run never start). */
  default void cellStarted(CellKey cell) {}

  /** A cell finished, successfully or not. */
  default void cellFinished(CellKey cell, boolean ok) {}

  /** The run ended. */
  default void runFinished() {}

  @Override
  default void onQuery(CellKey cell, int used, int limit, double score, double report) {}
}
