package org.evalnas.space.nasbench101.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.List;
import org.evalnas.api.command.CommandProvider;
import org.pf4j.Extension;

/** Contributes {@code evalnas nasbench101 hash|enumerate}. */
@Extension
public final class Nb101CommandProvider implements CommandProvider {
  private static final String USAGE =
      "usage: evalnas nasbench101 <command> [options]\n"
          + "commands:\n"
          + "  hash        check, prune and hash cells read as JSON lines (official rules)\n"
          + "  enumerate   write every unique cell with at most V vertices\n"
          + "'evalnas nasbench101 <command> --help' describes a command\n";

  @Override
  public String name() {
    return "nasbench101";
  }

  @Override
  public String description() {
    return "NAS-Bench-101 cells: official hashes (hash) and every unique cell (enumerate)";
  }

  @Override
  public int run(List<String> args, InputStream in, PrintWriter out, PrintWriter err) {
    if (args.isEmpty()) {
      err.print(USAGE);
      err.flush();
      return 2;
    }
    List<String> rest = args.subList(1, args.size());
    switch (args.get(0)) {
      case "hash":
        return new HashCommand(new ObjectMapper()).run(rest, in, out, err);
      case "enumerate":
        return new EnumerateCommand().run(rest, out, err);
      case "--help":
      case "-h":
      case "help":
        out.print(USAGE);
        out.flush();
        return 0;
      default:
        err.print("unknown command '" + args.get(0) + "'\n" + USAGE);
        err.flush();
        return 2;
    }
  }
}
