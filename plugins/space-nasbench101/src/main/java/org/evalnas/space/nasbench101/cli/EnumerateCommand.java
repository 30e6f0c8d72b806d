package org.evalnas.space.nasbench101.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.evalnas.api.InputException;
import org.evalnas.space.nasbench101.enumerate.CellCatalog;
import org.evalnas.space.nasbench101.enumerate.CellEnumerator;
import org.evalnas.space.nasbench101.spec.CellSpec;

/**
 * {@code evalnas nasbench101 enumerate --max-vertices V --output FILE}: writes every unique cell
 * with at most V vertices as a JSON line {@code {"hash", "matrix", "ops"}}, in the official
 * generator's order with its representatives ({@link CellEnumerator}). The file appears whole
 * or not at all: it is written beside the target and renamed.
 */
final class EnumerateCommand {
  static final String USAGE =
      "usage: evalnas nasbench101 enumerate [--max-vertices V] --output FILE\n"
          + "  writes every unique NAS-Bench-101 cell with at most V vertices (2..7, default 7)\n"
          + "  as JSON lines {hash, matrix, ops}, in the official generator's order\n";

  int run(List<String> args, PrintWriter out, PrintWriter err) {
    int maxVertices = CellEnumerator.MAX_VERTICES;
    Path output = null;
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      switch (arg) {
        case "--help", "-h" -> {
          out.print(USAGE);
          return 0;
        }
        case "--max-vertices" -> maxVertices = parseVertices(value(args, ++i, arg));
        case "--output" -> output = Path.of(value(args, ++i, arg));
        default -> throw new InputException(null, "argument " + arg, "unknown option\n" + USAGE);
      }
    }
    if (output == null) {
      throw new InputException(null, "argument --output", "is required\n" + USAGE);
    }
    long t0 = System.nanoTime();
    CellCatalog catalog = CellEnumerator.enumerate(maxVertices);
    write(catalog, output);
    err.printf("wrote %,d cells with at most %d vertices to %s in %.1f s%n",
        catalog.size(), maxVertices, output, (System.nanoTime() - t0) / 1e9);
    err.flush();
    return 0;
  }

  static void write(CellCatalog catalog, Path output) {
    Path target = output.toAbsolutePath();
    Path dir = target.getParent();
    Path temp = null;
    try {
      Files.createDirectories(dir);
      temp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
      try (BufferedWriter writer = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
        StringBuilder sb = new StringBuilder(256);
        for (int i = 0; i < catalog.size(); i++) {
          sb.setLength(0);
          CellSpec spec = catalog.spec(i);
          sb.append("{\"hash\": \"").append(catalog.hash(i)).append("\", \"matrix\": ");
          PythonStyleJson.appendMatrix(sb, spec.matrix());
          sb.append(", \"ops\": [");
          for (int v = 0; v < spec.vertices(); v++) {
            sb.append(v > 0 ? ", \"" : "\"").append(spec.ops().get(v)).append('"');
          }
          sb.append("]}\n");
          writer.append(sb);
        }
      }
      Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING,
          StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      if (temp != null) {
        try {
          Files.deleteIfExists(temp);
        } catch (IOException suppressed) {
          e.addSuppressed(suppressed);
        }
      }
      throw new UncheckedIOException("writing " + target, e);
    }
  }

  private static String value(List<String> args, int i, String option) {
    if (i >= args.size()) {
      throw new InputException(null, "argument " + option, "needs a value\n" + USAGE);
    }
    return args.get(i);
  }

  private static int parseVertices(String text) {
    try {
      int v = Integer.parseInt(text);
      if (v >= 2 && v <= CellEnumerator.MAX_VERTICES) {
        return v;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new InputException(null, "argument --max-vertices",
        "must be an integer 2.." + CellEnumerator.MAX_VERTICES + ", not '" + text + "'");
  }
}
