package org.evalnas.runtime.protocol;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.evalnas.runtime.results.CellResult;

/**
 * How a run ended.
 *
 * @param output the results directory
 * @param ran cells run now and finished
 * @param resumed cells found finished from an earlier run and skipped
 * @param failed cells that failed, with their error
 * @param results every finished cell's result, resumed or run now
 */
public record RunOutcome(
    Path output, int ran, int resumed, Map<CellKey, String> failed, List<CellResult> results) {

  /** Whether every cell finished. */
  public boolean ok() {
    return failed.isEmpty();
  }
}
