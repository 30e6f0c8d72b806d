package org.evalnas.api.checkpoint;

/**
 * The runtime is stopping the search (its SLURM task is preempted or cancelled). Thrown by the
 * {@link CheckpointStore#save save} that ran because {@link CheckpointStore#due due} said so
 * when a stop was requested, and by a black-box context's next query. Let it propagate: the
 * runtime resumes the cell from the last checkpoint later.
 */
public class SearchStoppedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** @param message why the search stops */
  public SearchStoppedException(String message) {
    super(message);
  }
}
