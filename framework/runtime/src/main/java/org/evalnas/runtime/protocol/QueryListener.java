package org.evalnas.runtime.protocol;

/** Told of every query a search makes, for progress and metrics. */
public interface QueryListener {

  /** A listener that ignores everything. */
  QueryListener NONE = (cell, used, limit, score, report) -> {};

  /**
   * One query was made. Called on the cell's thread for every query, so it must be cheap.
   *
   * @param cell the cell
   * @param used queries so far
   * @param limit the query budget
   * @param score the search score of this query (what the policy sees)
   * @param report the report-metric value of the same architecture (what the policy does not
   *     see; the ground truth the experiment reports with)
   */
  void onQuery(CellKey cell, int used, int limit, double score, double report);
}
