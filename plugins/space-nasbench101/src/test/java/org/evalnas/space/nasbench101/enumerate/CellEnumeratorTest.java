package org.evalnas.space.nasbench101.enumerate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.evalnas.space.nasbench101.SharedData;
import org.evalnas.space.nasbench101.spec.CellHasher;
import org.evalnas.space.nasbench101.spec.CellValidator;
import org.evalnas.space.nasbench101.spec.CellVerdict;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CellEnumeratorTest {
  private static CellCatalog all;

  @BeforeAll
  static void enumerateAll() {
    all = CellEnumerator.enumerate(7);
  }

  @Test
  void countsTheKnownNumbersOfUniqueCells() {
    int[] expected = {0, 0, 1, 7, 91, 2532, 64542};
    for (int v = 2; v <= 6; v++) {
      assertThat(CellEnumerator.enumerate(v).size()).as("V <= " + v).isEqualTo(expected[v]);
    }
    assertThat(all.size()).isEqualTo(423_624);
  }

  /** A literal transcription of the official generator: hash everything, keep the first. */
  @Test
  void keepsTheOfficialGeneratorsRepresentativesInItsOrder() {
    CellHasher hasher = new CellHasher();
    List<String> official = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (int v = 2; v <= 5; v++) {
      for (int bits = 0; bits < 1 << EdgeBits.positions(v); bits++) {
        int[] rows = EdgeBits.rows(v, bits);
        if (Integer.bitCount(bits) > 9 || !fullDag(rows)) {
          continue;
        }
        int n = v - 2;
        for (int labelling = 0; labelling < Math.pow(3, n); labelling++) {
          int[] labels = new int[v];
          labels[0] = -1;
          labels[v - 1] = -2;
          for (int k = n, rest = labelling; k >= 1; k--, rest /= 3) {
            labels[k] = rest % 3;
          }
          String hash = hasher.hash(v, rows, labels);
          if (seen.add(hash)) {
            official.add(v + ":" + bits + ":" + labelling + ":" + hash);
          }
        }
      }
    }
    CellCatalog catalog = CellEnumerator.enumerate(5);
    List<String> ours = new ArrayList<>();
    for (int i = 0; i < catalog.size(); i++) {
      ours.add(catalog.vertices(i) + ":" + catalog.bits(i) + ":" + catalog.labelling(i) + ":"
          + catalog.hash(i));
    }
    assertThat(ours).hasSize(2532).isEqualTo(official);
  }

  @Test
  void catalogCellsAreValidAndCarryTheirOwnHash() {
    CellHasher hasher = new CellHasher();
    for (int i = 0; i < all.size(); i += 97) {
      CellVerdict verdict = CellValidator.check(all.spec(i));
      assertThat(verdict.valid()).isTrue();
      assertThat(verdict.pruned()).isEqualTo(all.spec(i));
      assertThat(hasher.hash(verdict.pruned())).isEqualTo(all.hash(i));
      assertThat(all.indexOf(all.hash(i))).hasValue(i);
    }
  }

  @Test
  void containsEveryValidOfficialVectorAndNaslibCell() throws IOException {
    ObjectMapper json = new ObjectMapper();
    int found = 0;
    List<String> lines = new ArrayList<>(Files.readAllLines(SharedData.specVectors()));
    lines.addAll(Files.readAllLines(SharedData.naslib500()));
    for (String line : lines) {
      JsonNode record = json.readTree(line);
      if (record.has("hash")) {
        assertThat(all.indexOf(record.get("hash").asText())).as(line).isPresent();
        found++;
      }
    }
    assertThat(found).isEqualTo(1704 + 500);
    assertThat(all.indexOf("00000000000000000000000000000000")).isEmpty();
    assertThat(all.indexOf("not a hash")).isEmpty();
  }

  @Test
  void refusesVertexCountsOutsideTheBenchmark() {
    assertThatThrownBy(() -> CellEnumerator.enumerate(8)).hasMessageContaining("2..7");
    assertThatThrownBy(() -> CellEnumerator.enumerate(1)).hasMessageContaining("2..7");
  }

  private static boolean fullDag(int[] rows) {
    int v = rows.length;
    int targets = 0;
    for (int i = 0; i < v - 1; i++) {
      if (rows[i] == 0) {
        return false;
      }
      targets |= rows[i];
    }
    return targets == (1 << v) - 2;
  }

}
