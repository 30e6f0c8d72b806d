package org.evalnas.api.space;

/** A choice vector or architecture string that names no valid architecture of the space. */
public class InvalidArchitectureException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /** @param reason why it is invalid, e.g. "input not connected to output" */
  public InvalidArchitectureException(String reason) {
    super(reason);
  }
}
