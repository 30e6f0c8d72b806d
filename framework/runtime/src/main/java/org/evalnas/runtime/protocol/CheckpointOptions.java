package org.evalnas.runtime.protocol;

/**
 * How cells checkpoint.
 *
 * @param interval queries between checkpoints of a black-box search; 0 = only when stopping
 * @param stop the signal that stops cells (after a last checkpoint)
 */
public record CheckpointOptions(int interval, StopSignal stop) {

  public CheckpointOptions {
    if (interval < 0) {
      throw new IllegalArgumentException("interval must be >= 0, got " + interval);
    }
  }

  /** No periodic checkpoints and nothing that stops: how the local backend runs. */
  public static CheckpointOptions none() {
    return new CheckpointOptions(0, new StopSignal());
  }
}
