package org.evalnas.runtime.protocol;

import java.nio.file.Path;
import java.util.Map;

/**
 * How a run ended.
 *
 * @param output the results directory
 * @param ran cells run now and finished
 * @param resumed cells found finished from an earlier run and skipped
 * @param failed cells that failed, with their error
 */
public record RunOutcome(Path output, int ran, int resumed, Map<CellKey, String> failed) {

  /** Whether every cell finished. */
  public boolean ok() {
    return failed.isEmpty();
  }
}
