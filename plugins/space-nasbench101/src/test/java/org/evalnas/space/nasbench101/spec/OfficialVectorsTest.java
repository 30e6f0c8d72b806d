package org.evalnas.space.nasbench101.spec;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.evalnas.space.nasbench101.SharedData;
import org.junit.jupiter.api.Test;

/**
 * The acceptance test of the spec package: every record computed with the official {@code
 * ModelSpec}, {@code is_valid} and {@code hash_module} is reproduced exactly.
 */
class OfficialVectorsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void reproducesEveryOfficialSpecVector() throws IOException {
    List<String> lines = Files.readAllLines(SharedData.specVectors());
    assertThat(lines).hasSize(3000);
    CellHasher hasher = new CellHasher();
    int valid = 0;
    for (int i = 0; i < lines.size(); i++) {
      JsonNode record = JSON.readTree(lines.get(i));
      String where = "line " + (i + 1);
      CellVerdict verdict = CellValidator.check(spec(record.get("matrix"), record.get("ops")));

      assertThat(verdict.valid()).as(where).isEqualTo(record.get("valid").asBoolean());
      assertThat(verdict.reason()).as(where)
          .isEqualTo(record.has("reason") ? record.get("reason").asText() : null);
      if (record.has("pruned_matrix")) {
        CellSpec pruned = verdict.prunedSpec().orElseThrow();
        assertThat(pruned.matrix()).as(where).isDeepEqualTo(matrix(record.get("pruned_matrix")));
        assertThat(pruned.ops()).as(where).isEqualTo(ops(record.get("pruned_ops")));
        assertThat(verdict.edges()).as(where).hasValue(record.get("edges").asInt());
      } else {
        assertThat(verdict.prunedSpec()).as(where).isEmpty();
      }
      if (record.has("hash")) {
        assertThat(hasher.hash(verdict.pruned())).as(where).isEqualTo(record.get("hash").asText());
        valid++;
      }
    }
    assertThat(valid).isEqualTo(1704);
  }

  @Test
  void reproducesTheHashesOfTheNaslibCells() throws IOException {
    CellHasher hasher = new CellHasher();
    List<String> lines = Files.readAllLines(SharedData.naslib500());
    assertThat(lines).hasSize(500);
    for (String line : lines) {
      JsonNode record = JSON.readTree(line);
      CellVerdict verdict = CellValidator.check(spec(record.get("matrix"), record.get("ops")));
      assertThat(verdict.valid()).as(line).isTrue();
      assertThat(hasher.hash(verdict.pruned())).as(line).isEqualTo(record.get("hash").asText());
    }
  }

  static CellSpec spec(JsonNode matrix, JsonNode ops) {
    return CellSpec.of(matrix(matrix), ops(ops));
  }

  static int[][] matrix(JsonNode node) {
    int[][] matrix = new int[node.size()][];
    for (int i = 0; i < node.size(); i++) {
      JsonNode row = node.get(i);
      matrix[i] = new int[row.size()];
      for (int j = 0; j < row.size(); j++) {
        matrix[i][j] = row.get(j).asInt();
      }
    }
    return matrix;
  }

  static List<String> ops(JsonNode node) {
    List<String> ops = new ArrayList<>();
    node.forEach(op -> ops.add(op.asText()));
    return ops;
  }
}
