package org.evalnas.runtime.cli;

import java.io.InputStream;
import java.io.PrintWriter;
import java.util.Optional;
import org.evalnas.api.InputException;
import org.evalnas.runtime.config.ConfigProblem;
import org.evalnas.runtime.config.ConfigProblemsException;
import picocli.CommandLine;

/** Entry point of the {@code evalnas} launcher. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    // before anything touches DJL: its natives come from the jar in lib/, nothing downloads
    if (System.getProperty("ai.djl.offline") == null) {
      System.setProperty("ai.djl.offline", "true");
    }
    System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
  }

  /** Runs a command line and returns its exit code; used by tests too. */
  public static int execute(String[] args, PrintWriter out, PrintWriter err) {
    return execute(args, System.in, out, err);
  }

  /** As {@link #execute(String[], PrintWriter, PrintWriter)}, with standard input. */
  public static int execute(String[] args, InputStream in, PrintWriter out, PrintWriter err) {
    try {
      Optional<PluginCommands.Invocation> plugin = PluginCommands.find(args, err);
      if (plugin.isPresent()) {
        PluginCommands.Invocation p = plugin.get();
        try {
          return p.command().run(p.args(), in, out, err);
        } catch (InputException e) {
          err.println("error: " + e.describe());
          if (p.debug()) {
            e.printStackTrace(err);
          }
          return ExitCode.BAD_INPUT;
        } finally {
          out.flush();
          err.flush();
        }
      }
    } catch (RuntimeException e) {
      err.println("error: " + e);
      err.flush();
      return ExitCode.RUN_FAILED;
    }
    EvalnasCommand root = new EvalnasCommand();
    CommandLine cli = new CommandLine(root);
    cli.setOut(out);
    cli.setErr(err);
    cli.setExecutionExceptionHandler(
        (e, commandLine, parseResult) -> {
          boolean debug = root.debug;
          if (e instanceof ConfigProblemsException cpe) {
            for (ConfigProblem p : cpe.problems()) {
              err.println("error: " + p.describe());
            }
            if (debug) {
              e.printStackTrace(err);
            }
            return ExitCode.BAD_INPUT;
          }
          if (e instanceof InputException ie) {
            err.println("error: " + ie.describe());
            if (debug) {
              e.printStackTrace(err);
            }
            return ExitCode.BAD_INPUT;
          }
          err.println("error: " + e + (debug ? "" : " (rerun with --debug for the stack trace)"));
          if (debug) {
            e.printStackTrace(err);
          }
          return ExitCode.RUN_FAILED;
        });
    int code = cli.execute(args);
    err.flush();
    out.flush();
    return code;
  }
}
