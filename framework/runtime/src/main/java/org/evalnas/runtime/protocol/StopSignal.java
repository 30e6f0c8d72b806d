package org.evalnas.runtime.protocol;

/**
 * Asks running cells to stop: a SLURM task that got SIGTERM sets it, the cells' checkpoint
 * stores then ask their policies for a last checkpoint, and their contexts refuse further
 * queries with {@link org.evalnas.api.checkpoint.SearchStoppedException}.
 */
public final class StopSignal {
  private volatile String reason;

  /** Asks every cell that watches this signal to stop. */
  public void request(String why) {
    reason = why;
  }

  /** Whether a stop was requested. */
  public boolean requested() {
    return reason != null;
  }

  /** Why, or null. */
  public String reason() {
    return reason;
  }
}
