package org.evalnas.api.policy;

/** Thrown by a query made after the budget is spent. */
public class BudgetExhaustedException extends IllegalStateException {
  private static final long serialVersionUID = 1L;

  /** @param message which limit was reached */
  public BudgetExhaustedException(String message) {
    super(message);
  }
}
