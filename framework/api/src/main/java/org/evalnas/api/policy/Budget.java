package org.evalnas.api.policy;

/**
 * The search budget of one cell; the search ends at whichever limit comes first.
 *
 * @param queries maximum number of queries to the oracle
 * @param simulatedSeconds maximum total simulated training time, or infinity for no limit
 */
public record Budget(int queries, double simulatedSeconds) {

  public Budget {
    if (queries < 1) {
      throw new IllegalArgumentException("a budget needs at least one query, got " + queries);
    }
    if (!(simulatedSeconds > 0)) {
      throw new IllegalArgumentException("simulated seconds must be > 0, got " + simulatedSeconds);
    }
  }

  /**
   * Whether one more query is allowed after {@code queriesUsed} queries that cost
   * {@code secondsUsed} simulated seconds: while both are under their limits. The query that
   * crosses the time limit is made and charged in full, as the benchmarks' own search loops do.
   */
  public boolean allowsAnother(int queriesUsed, double secondsUsed) {
    return queriesUsed < queries && secondsUsed < simulatedSeconds;
  }

  /** A budget of queries only. */
  public static Budget ofQueries(int queries) {
    return new Budget(queries, Double.POSITIVE_INFINITY);
  }
}
