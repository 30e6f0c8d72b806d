package org.evalnas.api.policy;

import org.evalnas.api.space.Architecture;

/** The scoring oracle a {@link BlackBoxPolicy} searches with. */
public interface BlackBoxContext extends SearchContext {

  /**
   * Scores an architecture by the search metric. Each call is one query and costs its
   * simulated training time.
   *
   * @throws BudgetExhaustedException when no budget is left; the query is not made
   */
  Score evaluate(Architecture architecture);

  /** Whether another query is allowed. */
  boolean hasBudget();

  /** Queries made so far. */
  int queriesUsed();
}
