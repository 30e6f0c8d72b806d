package org.evalnas.space.nasbench101.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import org.evalnas.api.InputException;
import org.evalnas.api.command.CommandProvider;
import org.evalnas.space.nasbench101.SharedData;
import org.evalnas.space.nasbench101.spec.CellHasher;
import org.evalnas.space.nasbench101.spec.CellJson;
import org.evalnas.space.nasbench101.spec.CellSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Nb101CommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String stdin, String... args) {
    return new Nb101CommandProvider().run(List.of(args),
        new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
        new PrintWriter(out), new PrintWriter(err));
  }

  @Test
  void isDiscoveredAsACommand() {
    assertThat(ServiceLoader.load(CommandProvider.class).stream().map(p -> p.get().name()))
        .contains("nasbench101");
  }

  @Test
  void hashReproducesTheOfficialVectorsFileByteForByte() throws IOException {
    List<String> expected = Files.readAllLines(SharedData.specVectors());
    StringBuilder input = new StringBuilder();
    for (String line : expected) {
      ObjectNode record = (ObjectNode) JSON.readTree(line);
      record.retain("matrix", "ops");
      input.append(record).append('\n');
    }
    assertThat(run(input.toString(), "hash")).isZero();
    assertThat(out.toString().lines().toList()).isEqualTo(expected);
  }

  @Test
  void hashReplacesStaleComputedFieldsAndKeepsOthers() throws IOException {
    String line = "{\"id\": 7, \"matrix\": [[0, 1], [0, 0]], \"ops\": [\"input\", \"output\"],"
        + " \"hash\": \"stale\"}\n\n";
    assertThat(run(line, "hash")).isZero();
    JsonNode record = JSON.readTree(out.toString());
    List<String> names = new ArrayList<>();
    record.fieldNames().forEachRemaining(names::add);
    assertThat(names).containsExactly(
        "id", "matrix", "ops", "pruned_matrix", "pruned_ops", "edges", "valid", "hash");
    CellSpec twoVertices = CellSpec.of(new int[][] {{0, 1}, {0, 0}}, List.of("input", "output"));
    assertThat(record.get("hash").asText()).isEqualTo(new CellHasher().hash(twoVertices));
  }

  @Test
  void aMalformedLineStopsWithItsLineNumber() {
    String good = "{\"matrix\": [[0, 1], [0, 0]], \"ops\": [\"input\", \"output\"]}\n";
    assertThatThrownBy(() -> run(good + "{\"matrix\": [[0, 1]], \"ops\": [\"input\"]}\n", "hash"))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("matrix must be square")
        .satisfies(e -> assertThat(((InputException) e).location())
            .contains("standard input line 2"));
    assertThat(out.toString().lines()).hasSize(1);
    assertThatThrownBy(() -> run("{\"matrix\": [[0, 1], [0, 0]\n", "hash"))
        .isInstanceOf(InputException.class)
        .hasMessageStartingWith("not JSON")
        .satisfies(e -> assertThat(((InputException) e).location())
            .contains("standard input line 1"));
    assertThatThrownBy(() -> run("{\"ops\": [\"input\"]}\n", "hash"))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("'matrix'");
  }

  @Test
  void enumerateWritesEveryUniqueCellAtomically(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("sub/cells.jsonl");
    assertThat(run("", "enumerate", "--max-vertices", "5", "--output", file.toString())).isZero();
    List<String> lines = Files.readAllLines(file);
    assertThat(lines).hasSize(2532);
    assertThat(lines.get(0)).isEqualTo(
        "{\"hash\": \"" + new CellHasher().hash(
            CellSpec.of(new int[][] {{0, 1}, {0, 0}}, List.of("input", "output")))
            + "\", \"matrix\": [[0, 1], [0, 0]], \"ops\": [\"input\", \"output\"]}");
    CellHasher hasher = new CellHasher();
    for (String line : lines) {
      JsonNode record = JSON.readTree(line);
      assertThat(hasher.hash(CellJson.read(record))).isEqualTo(record.get("hash").asText());
    }
    try (var files = Files.list(file.getParent())) {
      assertThat(files).containsExactly(file);
    }
    assertThat(err.toString()).contains("wrote 2,532 cells");
  }

  @Test
  void enumerateRefusesBadArguments() {
    assertThatThrownBy(() -> run("", "enumerate", "--max-vertices", "8", "--output", "x"))
        .isInstanceOf(InputException.class).hasMessageContaining("2..7");
    assertThatThrownBy(() -> run("", "enumerate")).isInstanceOf(InputException.class)
        .hasMessageContaining("is required");
    assertThat(run("", "frobnicate")).isEqualTo(2);
    assertThat(err.toString()).contains("unknown command 'frobnicate'");
  }
}
