package org.evalnas.api;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Bad input a user can fix: a malformed data file, a missing benchmark, a wrong setting.
 *
 * <p>The runtime reports it as one line naming the file and the place in it (a line, a byte
 * offset, a key) and exits with status 2, without a stack trace.
 */
public class InputException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final Path file;
  private final String location;

  /**
   * @param file the file at fault, or {@code null} when the input is not a file
   * @param location where in the file ("line 12", "byte offset 4096", "key space.data"), or
   *     {@code null}
   * @param message what is wrong and, where possible, how to fix it
   */
  public InputException(Path file, String location, String message) {
    this(file, location, message, null);
  }

  /** As {@link #InputException(Path, String, String)}, keeping the underlying cause. */
  public InputException(Path file, String location, String message, Throwable cause) {
    super(message, cause);
    this.file = file;
    this.location = location;
  }

  /** The file at fault, if the input was a file. */
  public Optional<Path> file() {
    return Optional.ofNullable(file);
  }

  /** Where in the file, if known. */
  public Optional<String> location() {
    return Optional.ofNullable(location);
  }

  /** One line for the user: {@code file:location: message}. */
  public String describe() {
    StringBuilder sb = new StringBuilder();
    if (file != null) {
      sb.append(file);
      if (location != null) {
        sb.append(" (").append(location).append(')');
      }
      sb.append(": ");
    } else if (location != null) {
      sb.append(location).append(": ");
    }
    return sb.append(getMessage()).toString();
  }
}
