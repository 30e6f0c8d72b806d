package org.evalnas.api.policy;

/**
 * A policy that searches by querying scores of whole architectures through its context.
 *
 * <p>Given the same context seed, a policy must make the same queries and the same choice.
 */
public interface BlackBoxPolicy extends SearchPolicy {

  /**
   * Searches until the budget is spent (or the policy is done) and chooses.
   *
   * @param context the space, randomness and the scoring oracle
   * @return the chosen architecture and the policy's ranking of what it considered
   */
  SearchOutcome search(BlackBoxContext context);
}
