package org.evalnas.space.nasbench101.tfrecord;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.DoubleBuffer;
import java.nio.IntBuffer;
import java.nio.file.Path;
import java.util.OptionalInt;
import java.util.random.RandomGenerator;
import org.evalnas.api.InputException;
import org.evalnas.space.nasbench101.enumerate.CellCatalog;
import org.evalnas.space.nasbench101.spec.CellHasher;
import org.evalnas.space.nasbench101.spec.CellValidator;
import org.evalnas.space.nasbench101.spec.CellVerdict;

/**
 * Every training run of the benchmark file, in columns indexed by the cell's place in the
 * 7-vertex {@link CellCatalog}: per (cell, epoch budget, repeat) the halfway and final training
 * time and train / validation / test accuracy, and per cell its parameter count. About 200 bytes
 * a cell and budget (80 MB for {@code nasbench_only108}, four times that for the full file).
 *
 * <p>{@link #query} is the official {@code NASBench.query}: a random repeat, halfway or final,
 * adding the training time and epochs to the budget counters. Thread-safe.
 */
public final class BenchmarkTable {
  /** The epoch budgets of the full file; {@code nasbench_only108} has only the last. */
  public static final int[] BUDGETS = {4, 12, 36, 108};
  /** Training runs per (cell, budget) in the benchmark. */
  public static final int REPEATS = 3;
  static final int VALUES = 8;
  private static final int HALFWAY = 0;
  private static final int FINAL = 4;

  private final Path source;
  private final CellCatalog catalog;
  /**
   * Per budget slot: values[(cell * REPEATS + repeat) * VALUES + k], or null. Buffers, so that
   * a memory-mapped cache file ({@link BenchmarkCache}) can back them as well as heap arrays.
   */
  private final DoubleBuffer[] values = new DoubleBuffer[BUDGETS.length];
  /** Per budget slot: the number of repeats read per cell. */
  private final ByteBuffer[] repeats = new ByteBuffer[BUDGETS.length];
  private final IntBuffer parameters;
  private int cellsCovered;
  private double trainingTimeSpent;
  private long epochsSpent;

  private BenchmarkTable(Path source, CellCatalog catalog) {
    this(source, catalog, IntBuffer.allocate(catalog.size()));
  }

  /** A table over existing columns (the cache's); the slots are filled by the caller. */
  BenchmarkTable(Path source, CellCatalog catalog, IntBuffer parameters) {
    this.source = source;
    this.catalog = catalog;
    this.parameters = parameters;
  }

  /** Installs the columns of one budget slot (the cache's). */
  void setSlot(int slot, DoubleBuffer slotValues, ByteBuffer slotRepeats) {
    values[slot] = slotValues;
    repeats[slot] = slotRepeats;
  }

  void setCellsCovered(int cells) {
    cellsCovered = cells;
  }

  /** The columns of a slot, for the cache writer: values, repeats; null when absent. */
  DoubleBuffer slotValues(int slot) {
    return values[slot] == null ? null : values[slot].duplicate();
  }

  ByteBuffer slotRepeats(int slot) {
    return repeats[slot] == null ? null : repeats[slot].duplicate();
  }

  IntBuffer parameters() {
    return parameters.duplicate();
  }

  /**
   * Reads a benchmark file.
   *
   * @param catalog the unique cells with at most 7 vertices
   * @throws InputException for a corrupt record (byte offset), a record that is malformed, whose
   *     hash is not its cell's, or that repeats a run too often
   */
  public static BenchmarkTable read(Path file, CellCatalog catalog) {
    BenchmarkTable table = new BenchmarkTable(file, catalog);
    ObjectMapper json = new ObjectMapper();
    CellHasher hasher = new CellHasher();
    boolean[] seen = new boolean[catalog.size()];
    try (TfRecordReader reader = new TfRecordReader(file)) {
      while (reader.next()) {
        BenchmarkRow row;
        try {
          row = BenchmarkRow.parse(json, reader.data(), reader.length());
        } catch (IllegalArgumentException e) {
          throw reader.corrupt(e.getMessage());
        }
        OptionalInt cell = catalog.indexOf(row.hash());
        if (cell.isEmpty()) {
          throw reader.corrupt("hash " + row.hash() + " is no NAS-Bench-101 cell");
        }
        int c = cell.getAsInt();
        if (!seen[c]) {
          // once per cell: the record's own cell must have the hash it is filed under
          CellVerdict verdict = CellValidator.check(row.cell());
          if (!verdict.valid() || !hasher.hash(verdict.pruned()).equals(row.hash())) {
            throw reader.corrupt("hash " + row.hash() + " is not the hash of the record's cell");
          }
          seen[c] = true;
          table.cellsCovered++;
          table.parameters.put(c, row.metrics().trainableParameters());
        }
        table.add(c, row, reader);
      }
    } catch (IOException e) {
      throw new InputException(file, null, "cannot be read: " + e.getMessage(), e);
    }
    if (table.cellsCovered == 0) {
      throw new InputException(file, null, "holds no benchmark records");
    }
    return table;
  }

  private void add(int cell, BenchmarkRow row, TfRecordReader reader) {
    int slot = slot(row.epochs());
    if (slot < 0) {
      throw reader.corrupt("epoch budget " + row.epochs() + " is not one of 4, 12, 36, 108");
    }
    if (row.metrics().evaluations().size() < 3) {
      throw reader.corrupt("the run has " + row.metrics().evaluations().size()
          + " evaluations; the benchmark records 3 (start, halfway, end)");
    }
    if (values[slot] == null) {
      values[slot] = DoubleBuffer.allocate(catalog.size() * REPEATS * VALUES);
      repeats[slot] = ByteBuffer.allocate(catalog.size());
    }
    int repeat = repeats[slot].get(cell);
    if (repeat == REPEATS) {
      throw reader.corrupt("more than " + REPEATS + " runs of " + row.hash() + " at "
          + row.epochs() + " epochs");
    }
    repeats[slot].put(cell, (byte) (repeat + 1));
    int at = (cell * REPEATS + repeat) * VALUES;
    put(values[slot], at + HALFWAY, row.metrics().evaluations().get(1));
    put(values[slot], at + FINAL, row.metrics().evaluations().get(2));
  }

  private static void put(DoubleBuffer column, int at, ModelMetrics.EvaluationData e) {
    column.put(at, e.trainingTime());
    column.put(at + 1, e.trainAccuracy());
    column.put(at + 2, e.validationAccuracy());
    column.put(at + 3, e.testAccuracy());
  }

  static int slot(int epochs) {
    for (int s = 0; s < BUDGETS.length; s++) {
      if (BUDGETS[s] == epochs) {
        return s;
      }
    }
    return -1;
  }

  /** The file read. */
  public Path source() {
    return source;
  }

  /** The catalog the cells are indexed by. */
  public CellCatalog catalog() {
    return catalog;
  }

  /** The number of cells the file covers. */
  public int cellsCovered() {
    return cellsCovered;
  }

  /** Whether the file has runs at this epoch budget. */
  public boolean hasBudget(int epochs) {
    int slot = slot(epochs);
    return slot >= 0 && values[slot] != null;
  }

  /** The largest epoch budget the file has. */
  public int largestBudget() {
    for (int s = BUDGETS.length - 1; s >= 0; s--) {
      if (values[s] != null) {
        return BUDGETS[s];
      }
    }
    throw new IllegalStateException("empty table");
  }

  /** The number of runs of catalog cell {@code cell} at a budget (0 when not covered). */
  public int runs(int cell, int epochs) {
    int slot = slot(epochs);
    return slot < 0 || repeats[slot] == null ? 0 : repeats[slot].get(cell);
  }

  /** One run of catalog cell {@code cell}: repeat {@code repeat}, halfway or final. */
  public BenchmarkQuery run(int cell, int epochs, int repeat, boolean halfway) {
    if (repeat < 0 || repeat >= runs(cell, epochs)) {
      throw new IllegalArgumentException("no run " + repeat + " of cell " + catalog.hash(cell)
          + " at " + epochs + " epochs");
    }
    DoubleBuffer column = values[slot(epochs)];
    int at = (cell * REPEATS + repeat) * VALUES + (halfway ? HALFWAY : FINAL);
    return new BenchmarkQuery(parameters.get(cell), column.get(at), column.get(at + 1),
        column.get(at + 2), column.get(at + 3));
  }

  /** The mean over the runs of catalog cell {@code cell} (final evaluations). */
  public BenchmarkQuery mean(int cell, int epochs) {
    int n = runs(cell, epochs);
    if (n == 0) {
      throw new IllegalArgumentException("cell " + catalog.hash(cell) + " has no runs at "
          + epochs + " epochs");
    }
    double[] sum = new double[4];
    for (int r = 0; r < n; r++) {
      BenchmarkQuery q = run(cell, epochs, r, false);
      sum[0] += q.trainingTime();
      sum[1] += q.trainAccuracy();
      sum[2] += q.validationAccuracy();
      sum[3] += q.testAccuracy();
    }
    return new BenchmarkQuery(parameters.get(cell), sum[0] / n, sum[1] / n, sum[2] / n, sum[3] / n);
  }

  /**
   * The official query: a uniformly drawn run of the cell with this hash at the budget, its
   * halfway or final evaluation; the budget counters grow by its training time and by the
   * epochs (half of them when stopping halfway).
   *
   * @throws IllegalArgumentException when the budget or the cell is not in the file
   */
  public synchronized BenchmarkQuery query(String hash, int epochs, boolean stopHalfway,
      RandomGenerator random) {
    if (!hasBudget(epochs)) {
      throw new IllegalArgumentException("invalid number of epochs " + epochs + " for " + source);
    }
    int cell = catalog.indexOf(hash)
        .orElseThrow(() -> new IllegalArgumentException("no NAS-Bench-101 cell has hash " + hash));
    int n = runs(cell, epochs);
    if (n == 0) {
      throw new IllegalArgumentException("the file has no run of " + hash);
    }
    BenchmarkQuery q = run(cell, epochs, random.nextInt(n), stopHalfway);
    trainingTimeSpent += q.trainingTime();
    epochsSpent += stopHalfway ? epochs / 2 : epochs;
    return q;
  }

  /** The training time spent by queries, seconds ({@code get_budget_counters()[0]}). */
  public synchronized double trainingTimeSpent() {
    return trainingTimeSpent;
  }

  /** The epochs spent by queries ({@code get_budget_counters()[1]}). */
  public synchronized long epochsSpent() {
    return epochsSpent;
  }

  /** Resets the budget counters. */
  public synchronized void resetBudgetCounters() {
    trainingTimeSpent = 0;
    epochsSpent = 0;
  }
}
