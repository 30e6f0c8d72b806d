package org.evalnas.runtime.protocol;

/** Told of every query a search makes, for progress and metrics. */
public interface QueryListener {

  /** A listener that ignores everything. */
  QueryListener NONE = (cell, used, limit, score) -> {};

  /**
   * One query was made.
   *
   * @param cell the cell
   * @param used queries so far
   * @param limit the query budget
   * @param score the search score of this query
   */
  void onQuery(CellKey cell, int used, int limit, double score);
}
