package org.evalnas.runtime.execution.slurm;

import org.evalnas.api.InputException;

/** SLURM refused or failed a command; the message is its own, with the command. */
public final class SlurmException extends InputException {
  private static final long serialVersionUID = 1L;

  /** @param message what failed and SLURM's words */
  public SlurmException(String message) {
    super(null, null, message);
  }
}
