package org.evalnas.space.nasbench201.truth;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.evalnas.api.InputException;
import org.evalnas.api.space.InvalidArchitectureException;
import org.evalnas.api.truth.TruthRecord;
import org.evalnas.space.nasbench201.Nb201Cell;
import org.evalnas.space.nasbench201.Nb201Space;

/**
 * Reads the NAS-Bench-201 CSV table: a header {@code index,arch,<metric>,...}, then exactly one
 * row per benchmark index 0..15,624 (in any order), each with the official architecture string
 * and one accuracy in percent per metric column.
 *
 * <p>The format is fixed and numeric (no quoting: neither architecture strings nor numbers
 * contain commas or quotes), so this splits lines itself rather than using a general CSV
 * library: it is simpler to give exact line and column numbers this way, and it reads the
 * 2 MB table in a few tens of milliseconds. A quoted field fails the index, architecture or
 * number checks rather than being misread.
 */
final class CsvTableReader {
  /** {@code <dataset>_<split>}: lower-case words joined by underscores, at least two. */
  private static final Pattern METRIC_NAME = Pattern.compile("[a-z][a-z0-9]*(_[a-z0-9]+)+");

  private final Nb201Space space;
  private final Path file;

  CsvTableReader(Nb201Space space, Path file) {
    this.space = space;
    this.file = file;
  }

  CsvGroundTruth read(GroundTruthSettings settings) {
    String text;
    try {
      text = Files.readString(file);
    } catch (CharacterCodingException e) {
      throw new InputException(file, null, "is not a UTF-8 text file (a CSV table was expected)", e);
    } catch (IOException e) {
      throw new InputException(file, null, "cannot be read: " + e, e);
    }
    Lines lines = new Lines(text);
    if (!lines.next()) {
      throw new InputException(file, "line 1", "the file is empty; expected the header "
          + "'index,arch,<dataset>_<split>,...'");
    }
    List<String> metrics = header(lines.current());
    // 15,625 records of the same columns: the names sorted once, not a map per row
    TruthRecord.Names names = TruthRecord.Names.of(metrics.toArray(String[]::new));
    TruthRecord[] records = new TruthRecord[Nb201Cell.COUNT];
    int[] lineOfIndex = new int[Nb201Cell.COUNT];
    String[] fields = new String[metrics.size() + 2];
    int rows = 0;
    while (lines.next()) {
      try {
        row(lines, metrics, names, records, lineOfIndex, fields);
        rows++;
      } catch (InputException e) {
        if (!lines.endsWithoutNewline()) {
          throw e;
        }
        // a bad last line without a line end is most likely a cut-off download
        throw new InputException(file, e.location().orElse(null),
            e.getMessage() + " (the file ends on this line without a line end: truncated?)", e);
      }
    }
    if (rows < Nb201Cell.COUNT) {
      throw error(lines.number() + 1, null, "the table ends after " + rows + " rows, but "
          + "NAS-Bench-201 has " + Nb201Cell.COUNT + " (truncated?); missing indices: "
          + missing(records));
    }
    return new CsvGroundTruth(space, file, new LinkedHashSet<>(metrics), records, settings);
  }

  /** Reads the current line as one row into {@code records}. */
  private void row(
      Lines lines,
      List<String> metrics,
      TruthRecord.Names names,
      TruthRecord[] records,
      int[] lineOfIndex,
      String[] fields) {
    String line = lines.current();
    int lineNo = lines.number();
    if (line.isEmpty()) {
      throw error(lineNo, null, "empty line; every line after the header must be a row");
    }
    int count = split(line, fields);
    if (count != fields.length) {
      throw error(lineNo, null, "has " + count + " fields, but the header has " + fields.length);
    }
    int index = index(fields[0], lineNo);
    if (records[index] != null) {
      throw error(lineNo, "index", "index " + index + " appears twice (first at line "
          + lineOfIndex[index] + ")");
    }
    checkArchitecture(fields[1], index, lineNo);
    double[] values = new double[metrics.size()];
    for (int c = 0; c < values.length; c++) {
      values[c] = accuracy(fields[c + 2], metrics.get(c), lineNo);
    }
    records[index] = names.record(values, Double.NaN); // the tables record no time
    lineOfIndex[index] = lineNo;
  }

  private List<String> header(String line) {
    String[] names = line.split(",", -1);
    if (names.length < 3 || !names[0].equals("index") || !names[1].equals("arch")) {
      throw error(1, null, "the header must be 'index,arch,' followed by at least one "
          + "<dataset>_<split> metric column (e.g. cifar10_valid), found '" + line + "'");
    }
    List<String> metrics = new ArrayList<>(names.length - 2);
    Set<String> seen = new LinkedHashSet<>();
    for (int c = 2; c < names.length; c++) {
      String name = names[c];
      if (!METRIC_NAME.matcher(name).matches()) {
        throw error(1, Integer.toString(c + 1), "'" + name + "' is not a metric column; columns "
            + "after index,arch must be named <dataset>_<split> in lower case, "
            + "e.g. cifar10_valid or imagenet16_120_test");
      }
      if (!seen.add(name)) {
        throw error(1, Integer.toString(c + 1), "column '" + name + "' appears twice");
      }
      metrics.add(name);
    }
    return metrics;
  }

  /** Splits on commas into {@code fields}; returns the field count (which may exceed it). */
  private static int split(String line, String[] fields) {
    int count = 0;
    int start = 0;
    while (true) {
      int comma = line.indexOf(',', start);
      int end = comma < 0 ? line.length() : comma;
      if (count < fields.length) {
        fields[count] = line.substring(start, end);
      }
      count++;
      if (comma < 0) {
        return count;
      }
      start = comma + 1;
    }
  }

  private int index(String field, int lineNo) {
    int index;
    try {
      index = Integer.parseInt(field);
    } catch (NumberFormatException e) {
      throw error(lineNo, "index", "'" + field + "' is not an integer index");
    }
    if (index < 0 || index >= Nb201Cell.COUNT) {
      throw error(lineNo, "index", "index " + index + " is outside [0, " + Nb201Cell.COUNT + ")");
    }
    return index;
  }

  private void checkArchitecture(String arch, int index, int lineNo) {
    int archIndex = space.indexOfLabel(arch);
    if (archIndex < 0) {
      try {
        space.parse(arch); // a bad string: the parser says what is wrong
      } catch (InvalidArchitectureException e) {
        throw error(lineNo, "arch", e.getMessage());
      }
      throw error(lineNo, "arch", "'" + arch + "' is not an official architecture string");
    }
    if (archIndex != index) {
      throw error(lineNo, "arch", "the architecture " + arch + " has benchmark index "
          + archIndex + ", but the row says index " + index);
    }
  }

  private double accuracy(String field, String metric, int lineNo) {
    double value;
    try {
      value = Double.parseDouble(field);
    } catch (NumberFormatException e) {
      throw error(lineNo, metric, "'" + field + "' is not a number");
    }
    if (!(value >= 0 && value <= 100)) {
      throw error(lineNo, metric, field + " is not an accuracy in percent (0..100)");
    }
    return value;
  }

  private static String missing(TruthRecord[] records) {
    StringBuilder sb = new StringBuilder();
    int shown = 0;
    int total = 0;
    for (int i = 0; i < records.length; i++) {
      if (records[i] == null) {
        if (shown < 10) {
          sb.append(shown == 0 ? "" : ", ").append(i);
          shown++;
        }
        total++;
      }
    }
    return total > shown ? sb + " and " + (total - shown) + " more" : sb.toString();
  }

  private InputException error(int line, String column, String message) {
    String location = "line " + line + (column == null ? "" : ", column " + column);
    return new InputException(file, location, message);
  }

  /** Lines of a text with their numbers; knows whether the text ends with a newline. */
  private static final class Lines {
    private final String text;
    private int start;
    private int number;
    private String current;
    private boolean lastUnterminated;

    Lines(String text) {
      this.text = text;
    }

    boolean next() {
      if (start >= text.length()) {
        return false;
      }
      int newline = text.indexOf('\n', start);
      int end = newline < 0 ? text.length() : newline;
      int contentEnd = end > start && text.charAt(end - 1) == '\r' ? end - 1 : end;
      current = text.substring(start, contentEnd);
      lastUnterminated = newline < 0;
      start = end + 1;
      number++;
      return true;
    }

    String current() {
      return current;
    }

    int number() {
      return number;
    }

    boolean endsWithoutNewline() {
      return lastUnterminated;
    }
  }
}
