package org.evalnas.space.nasbench201;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.evalnas.api.space.Architecture;

/**
 * Every cell of the benchmark, in its official index order, with its canonical class.
 *
 * <p>The index order is reproduced, not shipped: the benchmark generated the cells with
 * {@code Structure.gen_all} (see {@link Nb201Cell#ofGenerationCode(int)}) and then shuffled
 * them with {@code random.seed(88); random.shuffle(archs)} (AutoDL-Projects,
 * {@code exps/NAS-Bench-201/main.py}, {@code generate_meta_info}). The result is checked against
 * the index column of the published tables in the tests.
 *
 * <p>The catalog is immutable and built once per class loader, on first use.
 */
final class Nb201Catalog {
  /** The seed the benchmark shuffled its generation order with. */
  static final long SHUFFLE_SEED = 88;

  private static final class Holder {
    static final Nb201Catalog INSTANCE = new Nb201Catalog();
  }

  private final int[] codeByIndex = new int[Nb201Cell.COUNT];
  private final int[] indexByCode = new int[Nb201Cell.COUNT];
  private final Architecture[] byIndex = new Architecture[Nb201Cell.COUNT];
  private final Map<String, Integer> indexByLabel = new HashMap<>(Nb201Cell.COUNT * 2);
  /** The lowest index of each canonical class, classes numbered by that lowest index. */
  private final int[] representatives;

  /** Builds the tables; use {@link #get()} except to measure the build. */
  Nb201Catalog() {
    for (int code = 0; code < Nb201Cell.COUNT; code++) {
      codeByIndex[code] = code;
    }
    new CPythonRandom(SHUFFLE_SEED).shuffle(codeByIndex);

    Map<String, String> internedIds = new HashMap<>(8192);
    int[] reps = new int[Nb201Cell.COUNT];
    int classes = 0;
    for (int index = 0; index < Nb201Cell.COUNT; index++) {
      int code = codeByIndex[index];
      indexByCode[code] = index;
      Nb201Cell cell = Nb201Cell.ofGenerationCode(code);
      String unique = cell.uniqueString();
      String id = internedIds.putIfAbsent(unique, unique);
      if (id == null) {
        id = unique;
        reps[classes++] = index; // scanning in index order, the first member is the lowest
      }
      String label = cell.officialString();
      byIndex[index] = new Architecture(id, cell.choices(), label);
      indexByLabel.put(label, index);
    }
    representatives = Arrays.copyOf(reps, classes);
  }

  static Nb201Catalog get() {
    return Holder.INSTANCE;
  }

  /** The architecture with this benchmark index. */
  Architecture architecture(int index) {
    return byIndex[index];
  }

  /** The benchmark index of the cell with these choices (already range-checked). */
  int indexOfChoices(int[] choices) {
    int code = 0;
    for (int choice : choices) {
      code = code * Nb201Operation.count() + choice;
    }
    return indexByCode[code];
  }

  /** The index of an exact official string, or -1 when the string is not one. */
  int indexOfLabel(String label) {
    Integer index = indexByLabel.get(label);
    return index == null ? -1 : index;
  }

  /** The benchmark index of a cell. */
  int indexOf(Nb201Cell cell) {
    return indexByCode[cell.generationCode()];
  }

  /** The number of canonical classes. */
  int classCount() {
    return representatives.length;
  }

  /** The lowest benchmark index in a class (classes numbered in order of that index). */
  int representative(int classNumber) {
    return representatives[classNumber];
  }

  /** Every architecture in index order. */
  List<Architecture> all() {
    return Arrays.asList(byIndex);
  }
}
