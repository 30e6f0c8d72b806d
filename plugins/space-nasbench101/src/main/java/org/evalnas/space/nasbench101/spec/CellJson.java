package org.evalnas.space.nasbench101.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a cell from the JSON fields {@code matrix} (a list of rows of 0/1) and {@code ops} (a
 * list of operation names) and writes cells back in the same shape.
 */
public final class CellJson {
  private CellJson() {}

  /**
   * The cell of a JSON object.
   *
   * @throws IllegalArgumentException saying which field is missing or malformed, or why the
   *     official {@code ModelSpec} would refuse the cell
   */
  public static CellSpec read(JsonNode object) {
    if (object == null || !object.isObject()) {
      throw new IllegalArgumentException("expected a JSON object with 'matrix' and 'ops'");
    }
    return CellSpec.of(matrix(object.get("matrix")), ops(object.get("ops")));
  }

  /** A matrix field: a list of lists of integers. */
  public static int[][] matrix(JsonNode node) {
    if (node == null || !node.isArray()) {
      throw new IllegalArgumentException("'matrix' must be a list of rows");
    }
    int[][] matrix = new int[node.size()][];
    for (int i = 0; i < node.size(); i++) {
      JsonNode row = node.get(i);
      if (!row.isArray()) {
        throw new IllegalArgumentException("'matrix' row " + i + " is not a list");
      }
      matrix[i] = new int[row.size()];
      for (int j = 0; j < row.size(); j++) {
        JsonNode entry = row.get(j);
        if (!entry.isIntegralNumber() && !entry.isBoolean()) {
          throw new IllegalArgumentException(
              "'matrix' entry [" + i + "][" + j + "] is not 0 or 1: " + entry);
        }
        matrix[i][j] = entry.isBoolean() ? (entry.asBoolean() ? 1 : 0) : entry.asInt();
      }
    }
    return matrix;
  }

  /** An ops field: a list of strings. */
  public static List<String> ops(JsonNode node) {
    if (node == null || !node.isArray()) {
      throw new IllegalArgumentException("'ops' must be a list of operation names");
    }
    List<String> ops = new ArrayList<>(node.size());
    for (int i = 0; i < node.size(); i++) {
      if (!node.get(i).isTextual()) {
        throw new IllegalArgumentException("'ops' item " + i + " is not a string");
      }
      ops.add(node.get(i).asText());
    }
    return ops;
  }

  /** The matrix of a cell as a JSON array. */
  public static ArrayNode matrixNode(CellSpec spec) {
    ArrayNode rows = JsonNodeFactory.instance.arrayNode();
    for (int[] row : spec.matrix()) {
      ArrayNode r = rows.addArray();
      for (int entry : row) {
        r.add(entry);
      }
    }
    return rows;
  }

  /** The ops of a cell as a JSON array. */
  public static ArrayNode opsNode(CellSpec spec) {
    ArrayNode ops = JsonNodeFactory.instance.arrayNode();
    spec.ops().forEach(ops::add);
    return ops;
  }
}
