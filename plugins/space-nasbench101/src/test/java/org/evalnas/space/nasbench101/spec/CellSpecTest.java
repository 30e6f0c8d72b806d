package org.evalnas.space.nasbench101.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import org.evalnas.space.nasbench101.SharedData;
import org.junit.jupiter.api.Test;

class CellSpecTest {
  private static final String C3 = "conv3x3-bn-relu";
  private static final String MP = "maxpool3x3";

  @Test
  void refusesWhatModelSpecRefuses() {
    assertThatThrownBy(() -> CellSpec.of(new int[][] {{0, 1}, {0}}, List.of("input", "output")))
        .hasMessage("matrix must be square");
    assertThatThrownBy(() -> CellSpec.of(new int[][] {{0, 1}, {0, 0}}, List.of("input")))
        .hasMessage("length of ops must match matrix dimensions");
    assertThatThrownBy(() -> CellSpec.of(new int[][] {{0, 0}, {1, 0}}, List.of("input", "output")))
        .hasMessage("matrix must be upper triangular");
    assertThatThrownBy(() -> CellSpec.of(new int[][] {{1, 0}, {0, 0}}, List.of("input", "output")))
        .hasMessage("matrix must be upper triangular");
  }

  @Test
  void pruningDropsVerticesOffTheInputOutputPaths() {
    // 1 is a dead end, 2 is unreachable from the input, 3 is on the path
    int[][] matrix = {
      {0, 1, 0, 1, 0},
      {0, 0, 0, 0, 0},
      {0, 0, 0, 1, 0},
      {0, 0, 0, 0, 1},
      {0, 0, 0, 0, 0}
    };
    CellSpec spec = CellSpec.of(matrix, List.of("input", C3, MP, C3, "output"));
    CellSpec pruned = spec.prune().orElseThrow();
    assertThat(pruned.matrix()).isDeepEqualTo(new int[][] {{0, 1, 0}, {0, 0, 1}, {0, 0, 0}});
    assertThat(pruned.ops()).containsExactly("input", C3, "output");
    assertThat(pruned.prune()).contains(pruned);
  }

  @Test
  void namesTheFirstViolatedRuleInTheOfficialOrder() {
    int[][] chain = {{0, 1, 0}, {0, 0, 1}, {0, 0, 0}};
    assertThat(CellValidator.check(CellSpec.of(chain, List.of("input", "conv5x5", "output"))).reason())
        .startsWith("unsupported op conv5x5");
    assertThat(CellValidator.check(CellSpec.of(chain, List.of("output", C3, "output"))).reason())
        .isEqualTo("first operation should be 'input'");
    int[][] nine = new int[9][9];
    for (int v = 0; v < 8; v++) {
      nine[v][v + 1] = 1;
    }
    List<String> ops = List.of("input", C3, C3, C3, C3, C3, C3, C3, "output");
    assertThat(CellValidator.check(CellSpec.of(nine, ops)).reason()).isEqualTo("more than 7 vertices");
    assertThat(CellValidator.check(CellSpec.of(new int[][] {{0}}, List.of("input"))).reason())
        .isEqualTo("input not connected to output");
  }

  @Test
  void labelsRoundTripForEveryValidOfficialVector() throws IOException {
    ObjectMapper json = new ObjectMapper();
    int checked = 0;
    for (String line : Files.readAllLines(SharedData.specVectors())) {
      JsonNode record = json.readTree(line);
      if (!record.get("valid").asBoolean()) {
        continue;
      }
      CellSpec pruned = CellSpec.of(
          OfficialVectorsTest.matrix(record.get("pruned_matrix")),
          OfficialVectorsTest.ops(record.get("pruned_ops")));
      String label = CellLabel.format(pruned);
      assertThat(CellLabel.parse(label)).as(label).isEqualTo(pruned);
      checked++;
    }
    assertThat(checked).isEqualTo(1704);
  }

  @Test
  void labelIsCompactAndReadable() {
    int[][] matrix = {
      {0, 1, 1, 0, 0},
      {0, 0, 1, 0, 1},
      {0, 0, 0, 1, 0},
      {0, 0, 0, 0, 1},
      {0, 0, 0, 0, 0}
    };
    CellSpec spec = CellSpec.of(matrix, List.of("input", C3, "conv1x1-bn-relu", MP, "output"));
    assertThat(CellLabel.format(spec)).isEqualTo("c3<0 c1<0,1 mp<2 out<1,3");
  }

  @Test
  void labelParseSaysWhatIsWrong() {
    assertThatThrownBy(() -> CellLabel.parse("c3<0 xx<1 out<2")).hasMessageContaining("unknown operation 'xx'");
    assertThatThrownBy(() -> CellLabel.parse("c3<1 out<1")).hasMessageContaining("earlier vertex");
    assertThatThrownBy(() -> CellLabel.parse("out<0 c3<1")).hasMessageContaining("last vertex");
    assertThatThrownBy(() -> CellLabel.parse("c3<0,0 out<1")).hasMessageContaining("repeated");
  }
}
