package org.evalnas.runtime.protocol;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * The runtime's part of a cell that a checkpoint saves with the policy's state: for a black-box
 * search the queries so far, the budget spent and the random generator's position.
 */
interface RuntimeState {

  /** Whether the search has begun (queried or drawn); a checkpoint cannot be loaded then. */
  boolean begun();

  /** Progress so far in the units {@link org.evalnas.api.checkpoint.CheckpointStore#due} counts. */
  long progress();

  void write(DataOutputStream out) throws IOException;

  /** Puts the state back as {@link #write} saved it. */
  void read(DataInputStream in) throws IOException;
}
