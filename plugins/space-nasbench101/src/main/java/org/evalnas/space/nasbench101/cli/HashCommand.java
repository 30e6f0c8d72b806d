package org.evalnas.space.nasbench101.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.evalnas.api.InputException;
import org.evalnas.space.nasbench101.spec.CellHasher;
import org.evalnas.space.nasbench101.spec.CellJson;
import org.evalnas.space.nasbench101.spec.CellSpec;
import org.evalnas.space.nasbench101.spec.CellValidator;
import org.evalnas.space.nasbench101.spec.CellVerdict;

/**
 * {@code evalnas nasbench101 hash}: reads JSON lines {@code {"matrix": ..., "ops": [...]}} and
 * writes each back with {@code pruned_matrix}, {@code pruned_ops}, {@code edges} (when the input
 * reaches the output), {@code valid}, and {@code reason} (invalid) or {@code hash} (valid) - the
 * fields of the shared {@code spec-vectors.jsonl}, in its order. Fields of the input other than
 * these are kept in place. Blank lines are skipped. A line that is not such an object stops the
 * command with its line number.
 */
final class HashCommand {
  static final String USAGE =
      "usage: evalnas nasbench101 hash < cells.jsonl > hashed.jsonl\n"
          + "  reads one JSON object per line with 'matrix' (0/1 rows, upper triangular) and\n"
          + "  'ops' (input, conv3x3-bn-relu, conv1x1-bn-relu, maxpool3x3, output); writes it\n"
          + "  back with pruned_matrix, pruned_ops, edges, valid, and reason or hash\n";

  /** The fields this command computes; an input's own values for them are replaced. */
  private static final List<String> COMPUTED =
      List.of("pruned_matrix", "pruned_ops", "edges", "valid", "reason", "hash");

  private final ObjectMapper json;

  HashCommand(ObjectMapper json) {
    this.json = json;
  }

  int run(List<String> args, InputStream in, PrintWriter out, PrintWriter err) {
    if (!args.isEmpty()) {
      if (args.equals(List.of("--help")) || args.equals(List.of("-h"))) {
        out.print(USAGE);
        return 0;
      }
      err.print("unexpected arguments " + args + "\n" + USAGE);
      return 2;
    }
    CellHasher hasher = new CellHasher();
    BufferedReader reader =
        new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
    long lineNo = 0;
    try {
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        lineNo++;
        if (line.isBlank()) {
          continue;
        }
        out.println(PythonStyleJson.write(hashLine(line, lineNo, hasher)));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("reading standard input", e);
    } finally {
      out.flush();
    }
    return 0;
  }

  private ObjectNode hashLine(String line, long lineNo, CellHasher hasher) {
    JsonNode node;
    try {
      node = json.readTree(line);
    } catch (JsonProcessingException e) {
      throw malformed(lineNo, "not JSON: " + e.getOriginalMessage());
    }
    CellSpec spec;
    try {
      spec = CellJson.read(node);
    } catch (IllegalArgumentException e) {
      throw malformed(lineNo, e.getMessage());
    }
    ObjectNode record = ((ObjectNode) node).deepCopy();
    record.remove(COMPUTED);
    CellVerdict verdict = CellValidator.check(spec);
    verdict.prunedSpec().ifPresent(pruned -> {
      record.set("pruned_matrix", CellJson.matrixNode(pruned));
      record.set("pruned_ops", CellJson.opsNode(pruned));
      record.put("edges", pruned.edgeCount());
    });
    record.put("valid", verdict.valid());
    if (verdict.valid()) {
      record.put("hash", hasher.hash(verdict.pruned()));
    } else {
      record.put("reason", verdict.reason());
    }
    return record;
  }

  private static InputException malformed(long lineNo, String message) {
    return new InputException(null, "standard input line " + lineNo, message);
  }
}
