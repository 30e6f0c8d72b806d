package org.evalnas.runtime.protocol;

import org.evalnas.runtime.results.CellResult;

/**
 * How running one cell ended: finished with a result, failed with an error (written to the
 * cell's {@code error.txt}), or stopped on request (its checkpoint resumes it).
 *
 * @param cell the cell
 * @param result the result when it finished, else null
 * @param error why it failed, else null
 * @param stopped whether it was stopped by a {@link StopSignal}
 */
public record CellAttempt(CellKey cell, CellResult result, String error, boolean stopped) {

  /** Whether the cell finished. */
  public boolean ok() {
    return result != null;
  }
}
