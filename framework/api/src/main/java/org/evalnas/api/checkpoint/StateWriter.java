package org.evalnas.api.checkpoint;

import java.io.IOException;
import java.io.OutputStream;

/** Writes a policy's state to a stream, for states too large to hold as one array (weights). */
@FunctionalInterface
public interface StateWriter {

  /** Writes the state; the store closes the stream. */
  void write(OutputStream out) throws IOException;
}
