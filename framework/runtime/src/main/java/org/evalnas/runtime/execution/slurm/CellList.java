package org.evalnas.runtime.execution.slurm;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.evalnas.api.InputException;
import org.evalnas.runtime.protocol.CellKey;
import org.evalnas.runtime.results.AtomicFiles;

/**
 * The cells of one array job, one {@code <policy> <seed>} line each: line N (from 0) is the
 * cell of array index N. Written atomically before the job is submitted.
 */
public final class CellList {
  private CellList() {}

  /** Writes the list atomically. */
  public static void write(Path file, List<CellKey> cells) {
    StringBuilder sb = new StringBuilder();
    for (CellKey c : cells) {
      sb.append(c.policy()).append(' ').append(c.seed()).append('\n');
    }
    AtomicFiles.write(file, sb.toString().getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Reads a list.
   *
   * @throws InputException when the file is missing or malformed
   */
  public static List<CellKey> read(Path file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new InputException(file, null, "cannot read the cell list: " + e.getMessage(), e);
    }
    List<CellKey> cells = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String[] f = lines.get(i).trim().split(" ");
      if (f.length != 2 || !f[1].matches("-?\\d+")) {
        throw new InputException(file, "line " + (i + 1), "expected '<policy> <seed>', got '" + lines.get(i) + "'");
      }
      cells.add(new CellKey(f[0], Long.parseLong(f[1])));
    }
    return cells;
  }

  /**
   * The cell of an array index.
   *
   * @throws InputException when the list has no such index
   */
  public static CellKey at(Path file, int index) {
    List<CellKey> cells = read(file);
    if (index < 0 || index >= cells.size()) {
      throw new InputException(file, null, "no cell at index " + index + "; the list has " + cells.size());
    }
    return cells.get(index);
  }
}
