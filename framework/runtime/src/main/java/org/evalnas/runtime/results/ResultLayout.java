package org.evalnas.runtime.results;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Where an experiment's files live under its output directory:
 * {@code <policy>/seed-<seed>/result.json} per cell (or {@code error.txt} for a failed cell),
 * and beside them {@code provenance.json}, {@code summary.json}, {@code summary.csv},
 * {@code report.md}, {@code report.html} and its plots {@code report-*.png}.
 */
public final class ResultLayout {
  public static final String RESULT = "result.json";
  public static final String ERROR = "error.txt";
  public static final String PROVENANCE = "provenance.json";
  public static final String SUMMARY_JSON = "summary.json";
  public static final String SUMMARY_CSV = "summary.csv";
  public static final String REPORT_MD = "report.md";
  public static final String REPORT_HTML = "report.html";

  private ResultLayout() {}

  /**
   * Deletes the results of the given policies and the derived files, and nothing else, so that
   * an output directory shared with other files is safe.
   */
  public static void clear(Path output, List<String> policies) {
    for (String policy : policies) {
      deleteTree(output.resolve(policy));
    }
    List<String> derived = new ArrayList<>(List.of(PROVENANCE, SUMMARY_JSON, SUMMARY_CSV, REPORT_MD, REPORT_HTML));
    try (Stream<Path> files = Files.list(output)) {
      // the report's plots: report-*.png
      files
          .map(p -> p.getFileName().toString())
          .filter(n -> n.startsWith("report-") && n.endsWith(".png"))
          .forEach(derived::add);
    } catch (IOException e) {
      // no output directory yet: nothing derived to delete
    }
    for (String f : derived) {
      try {
        Files.deleteIfExists(output.resolve(f));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot delete " + output.resolve(f), e);
      }
    }
  }

  /** Every cell directory's result file that exists, sorted by path. */
  public static List<Path> resultFiles(Path output) {
    return cellFiles(output, RESULT);
  }

  /** Every failed cell's error file, sorted by path. */
  public static List<Path> errorFiles(Path output) {
    return cellFiles(output, ERROR);
  }

  private static List<Path> cellFiles(Path output, String name) {
    List<Path> found = new ArrayList<>();
    if (!Files.isDirectory(output)) {
      return found;
    }
    try (Stream<Path> policies = Files.list(output)) {
      for (Path policy : policies.filter(Files::isDirectory).toList()) {
        try (Stream<Path> seeds = Files.list(policy)) {
          seeds
              .filter(p -> p.getFileName().toString().startsWith("seed-"))
              .map(p -> p.resolve(name))
              .filter(Files::isRegularFile)
              .forEach(found::add);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + output, e);
    }
    found.sort(Comparator.naturalOrder());
    return found;
  }

  private static void deleteTree(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + dir, e);
    }
  }
}
