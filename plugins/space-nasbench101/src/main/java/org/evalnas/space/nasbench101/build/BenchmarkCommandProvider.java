package org.evalnas.space.nasbench101.build;

import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.evalnas.api.InputException;
import org.evalnas.api.command.CommandProvider;
import org.pf4j.Extension;

/** Contributes {@code evalnas benchmark build CONFIG [--set key=value ...]}. */
@Extension
public final class BenchmarkCommandProvider implements CommandProvider {
  static final String USAGE =
      "usage: evalnas benchmark build CONFIG [--set key=value ...]\n"
          + "  trains every cell of a small NAS-Bench-101 space from scratch (config section\n"
          + "  'benchmark', defaults in the space-nasbench101 plugin's reference.conf) and writes\n"
          + "  <output>/table.jsonl, a ground truth for ground-truth.nasbench101.data; a rerun\n"
          + "  skips finished runs and resumes the one in flight from its epoch checkpoint\n";

  @Override
  public String name() {
    return "benchmark";
  }

  @Override
  public String description() {
    return "build a NAS-Bench-101 tabular benchmark by training every cell from scratch (build)";
  }

  @Override
  public int run(List<String> args, InputStream in, PrintWriter out, PrintWriter err) {
    if (args.isEmpty() || args.get(0).equals("--help") || args.get(0).equals("-h")) {
      (args.isEmpty() ? err : out).print(USAGE);
      (args.isEmpty() ? err : out).flush();
      return args.isEmpty() ? 2 : 0;
    }
    if (!args.get(0).equals("build")) {
      throw new InputException(null, "argument " + args.get(0), "unknown command\n" + USAGE);
    }
    Path config = null;
    List<String> overrides = new ArrayList<>();
    for (int i = 1; i < args.size(); i++) {
      String arg = args.get(i);
      if (arg.equals("--set")) {
        if (i + 1 >= args.size()) {
          throw new InputException(null, "argument --set", "needs key=value\n" + USAGE);
        }
        overrides.add(args.get(++i));
      } else if (arg.startsWith("-") || config != null) {
        throw new InputException(null, "argument " + arg, "unexpected\n" + USAGE);
      } else {
        config = Path.of(arg);
      }
    }
    if (config == null) {
      throw new InputException(null, "argument CONFIG", "is required\n" + USAGE);
    }
    BuildSettings settings = BuildSettings.load(config, overrides);
    new BenchmarkBuild(settings, out).run();
    return 0;
  }
}
