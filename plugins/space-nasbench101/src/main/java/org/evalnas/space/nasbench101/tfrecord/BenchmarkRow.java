package org.evalnas.space.nasbench101.tfrecord;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Arrays;
import java.util.Base64;
import org.evalnas.space.nasbench101.spec.CellSpec;

/**
 * One record of the benchmark file: one training run of one cell for one epoch budget. The
 * record is the JSON array {@code [hash, epochs, adjacency, ops, metrics]}: the adjacency is
 * the V x V matrix as a string of V*V digits row by row, the ops are comma-separated, the
 * metrics a base64 {@link ModelMetrics} ({@code nasbench/api.py}).
 *
 * @param hash the official hash
 * @param epochs the epoch budget (4, 12, 36 or 108)
 * @param cell the cell
 * @param metrics the run's metrics
 */
public record BenchmarkRow(String hash, int epochs, CellSpec cell, ModelMetrics metrics) {

  /**
   * Parses a record.
   *
   * @throws IllegalArgumentException saying what is malformed
   */
  public static BenchmarkRow parse(ObjectMapper json, byte[] data, int length) {
    JsonNode row;
    try {
      row = json.readTree(data, 0, length);
    } catch (IOException e) {
      throw new IllegalArgumentException("record is not JSON: " + e.getMessage(), e);
    }
    if (row == null || !row.isArray() || row.size() != 5 || !row.get(0).isTextual()
        || !row.get(1).isInt() || !row.get(2).isTextual() || !row.get(3).isTextual()
        || !row.get(4).isTextual()) {
      throw new IllegalArgumentException(
          "record is not [hash, epochs, adjacency, ops, metrics]: " + abbreviate(row));
    }
    String adjacency = row.get(2).asText();
    int dim = (int) Math.round(Math.sqrt(adjacency.length()));
    if (dim * dim != adjacency.length() || dim == 0) {
      throw new IllegalArgumentException(
          "adjacency '" + adjacency + "' is not a square matrix of digits");
    }
    int[][] matrix = new int[dim][dim];
    for (int k = 0; k < adjacency.length(); k++) {
      char c = adjacency.charAt(k);
      if (c != '0' && c != '1') {
        throw new IllegalArgumentException("adjacency '" + adjacency + "' has a '" + c + "'");
      }
      matrix[k / dim][k % dim] = c - '0';
    }
    CellSpec cell = CellSpec.of(matrix, Arrays.asList(row.get(3).asText().split(",", -1)));
    ModelMetrics metrics;
    try {
      metrics = ModelMetrics.decode(Base64.getDecoder().decode(row.get(4).asText()));
    } catch (IOException | IllegalArgumentException e) {
      throw new IllegalArgumentException("metrics are not a base64 ModelMetrics: "
          + e.getMessage(), e);
    }
    return new BenchmarkRow(row.get(0).asText(), row.get(1).asInt(), cell, metrics);
  }

  private static String abbreviate(JsonNode node) {
    String text = String.valueOf(node);
    return text.length() > 120 ? text.substring(0, 120) + "..." : text;
  }
}
