package org.evalnas.api.command;

import java.io.InputStream;
import java.io.PrintWriter;
import java.util.List;
import org.evalnas.api.plugin.NamedProvider;

/**
 * A subcommand a plugin adds to the command line: {@code evalnas <name> ARGS...}, e.g.
 * {@code evalnas nasbench101 hash}. The host parses nothing after the name; the command owns
 * its arguments and its help.
 */
public interface CommandProvider extends NamedProvider {

  /**
   * Runs the command.
   *
   * @param args the arguments after the command's name
   * @param in standard input
   * @param out standard output
   * @param err standard error
   * @return the exit code: 0 done, 2 bad input, 1 failure
   * @throws org.evalnas.api.InputException for bad input; the host prints it as one line and
   *     exits with 2
   */
  int run(List<String> args, InputStream in, PrintWriter out, PrintWriter err);
}
