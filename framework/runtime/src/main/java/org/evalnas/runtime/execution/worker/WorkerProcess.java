package org.evalnas.runtime.execution.worker;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.evalnas.runtime.protocol.CellAttempt;
import org.evalnas.runtime.protocol.CellExecutor;
import org.evalnas.runtime.protocol.CellKey;
import org.evalnas.runtime.results.CellErrorFile;
import org.evalnas.runtime.results.ResultLayout;

/**
 * Runs one cell in a worker process and waits for it. The worker's events go to the parent's
 * listeners as they come, and its other output lines to the parent's standard error; its
 * standard error goes to {@value #LOG} in the cell's directory,
 * kept when the cell fails. The worker's standard input stays open while the parent lives:
 * when the parent dies, the worker sees the end of it and stops (its checkpoint stays).
 */
public final class WorkerProcess {
  /** The worker's standard error, in the cell's directory. */
  public static final String LOG = "worker.log";

  private WorkerProcess() {}

  /**
   * Runs {@code cell} and returns how it ended (the result it wrote, or its error).
   *
   * @throws IOException when the worker cannot be started
   */
  public static CellAttempt run(
      WorkerCommand command, Path output, String experiment, CellKey cell, WorkerEvents.Sinks sinks)
      throws IOException, InterruptedException {
    Path dir = cell.directory(output);
    Files.createDirectories(dir);
    Path log = dir.resolve(LOG);
    ProcessBuilder builder =
        new ProcessBuilder(command.commandLine(output, cell.policy(), cell.seed())).redirectError(log.toFile());
    builder.environment().putAll(command.environment());
    Process p = builder.start();
    try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line; (line = out.readLine()) != null; ) {
        if (!WorkerEvents.dispatch(line, cell, sinks)) {
          // what a native library prints (oneDNN's verbose mode, say) reaches the user
          System.err.println(line);
        }
      }
      int code = p.waitFor();
      var result = CellExecutor.finished(output, experiment, cell);
      if (result.isPresent()) {
        Files.deleteIfExists(log);
        return new CellAttempt(cell, result.get(), null, false);
      }
      Path error = dir.resolve(ResultLayout.ERROR);
      String why =
          Files.isRegularFile(error)
              ? CellErrorFile.reason(error)
              : "the worker exited with " + code + " without a result; see " + log;
      return new CellAttempt(cell, null, why, false);
    } finally {
      // the parent is stopping (or the worker is done): no orphan keeps training
      p.getOutputStream().close();
      if (p.isAlive()) {
        p.destroy();
      }
    }
  }
}
