package org.evalnas.runtime.results;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.evalnas.api.InputException;

/**
 * A failed cell's {@code error.txt}: the reason on its first line (what the summary, the
 * status command and a worker's parent show), then the stack trace.
 */
public final class CellErrorFile {
  private CellErrorFile() {}

  /** The one-line reason of a failure: an input error's description, else its message. */
  public static String reason(Throwable e) {
    String message = e instanceof InputException ie ? ie.describe() : e.getMessage();
    return message == null ? e.toString() : message.replace('\n', ' ');
  }

  /** Writes the cell directory's error file atomically; returns the reason. */
  public static String write(Path cellDirectory, Throwable e) {
    StringWriter text = new StringWriter();
    String reason = reason(e);
    text.append(reason).append("\n\n");
    e.printStackTrace(new PrintWriter(text));
    AtomicFiles.write(cellDirectory.resolve(ResultLayout.ERROR), text.toString().getBytes(StandardCharsets.UTF_8));
    return reason;
  }

  /** The reason an error file gives (its first line). */
  public static String reason(Path errorFile) {
    // the first line only: the stack trace after it can be long
    try (BufferedReader in = Files.newBufferedReader(errorFile)) {
      String first = in.readLine();
      return first == null ? "" : first;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
