package org.evalnas.space.nasbench101.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;

/**
 * Writes a JSON value on one line with the separators of Python's {@code json.dumps} defaults
 * ({@code ", "} between items, {@code ": "} after keys). Scalars are written by Jackson, so
 * strings are escaped correctly; only the layout differs from Jackson's compact form.
 */
final class PythonStyleJson {
  private PythonStyleJson() {}

  static String write(JsonNode node) {
    StringBuilder sb = new StringBuilder(256);
    append(sb, node);
    return sb.toString();
  }

  static void append(StringBuilder sb, JsonNode node) {
    if (node.isObject()) {
      sb.append('{');
      Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
      boolean first = true;
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> field = fields.next();
        if (!first) {
          sb.append(", ");
        }
        first = false;
        // a TextNode's toString() is the quoted, escaped JSON string
        sb.append(com.fasterxml.jackson.databind.node.TextNode.valueOf(field.getKey()))
            .append(": ");
        append(sb, field.getValue());
      }
      sb.append('}');
    } else if (node.isArray()) {
      sb.append('[');
      for (int i = 0; i < node.size(); i++) {
        if (i > 0) {
          sb.append(", ");
        }
        append(sb, node.get(i));
      }
      sb.append(']');
    } else {
      sb.append(node);
    }
  }

  /** An int matrix as Python prints nested lists. */
  static void appendMatrix(StringBuilder sb, int[][] matrix) {
    sb.append('[');
    for (int i = 0; i < matrix.length; i++) {
      if (i > 0) {
        sb.append(", ");
      }
      sb.append('[');
      for (int j = 0; j < matrix[i].length; j++) {
        if (j > 0) {
          sb.append(", ");
        }
        sb.append(matrix[i][j]);
      }
      sb.append(']');
    }
    sb.append(']');
  }
}
