package org.evalnas.api.checkpoint;

import java.io.IOException;
import java.io.InputStream;

/**
 * Reads back what a {@link StateWriter} wrote.
 *
 * @param <T> the state
 */
@FunctionalInterface
public interface StateReader<T> {

  /** Reads the state; the store closes the stream. */
  T read(InputStream in) throws IOException;
}
