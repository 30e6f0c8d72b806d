package org.evalnas.space.nasbench101.truth;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.evalnas.api.InputException;
import org.evalnas.api.truth.TruthRecord;
import org.evalnas.space.nasbench101.Nb101Space;
import org.evalnas.space.nasbench101.spec.CellJson;
import org.evalnas.space.nasbench101.spec.CellHasher;
import org.evalnas.space.nasbench101.spec.CellSpec;
import org.evalnas.space.nasbench101.spec.CellValidator;
import org.evalnas.space.nasbench101.spec.CellVerdict;

/**
 * Reads a NAS-Bench-101 table in JSON lines: per line an object with {@code hash}, {@code
 * matrix}, {@code ops} and numeric metric fields (e.g. {@code validation_accuracy}, {@code
 * test_accuracy}, {@code params_millions}); {@code training_time}, when present, is the record's
 * simulated cost in seconds. Each line's hash must be the official hash of its cell.
 *
 * <p>Several lines may share a hash: they are encodings of one cell (isomorphic, or equal after
 * pruning), and their values may differ because each holds one of the benchmark's training
 * repeats (NASLib's 500-cell sample has 292 cells). A cell's record is the mean of its lines,
 * per metric.
 *
 * <p>Units: evalnas reports accuracies in percent. A column whose name contains {@code
 * accuracy} and whose values all lie in [0, 1] holds fractions (NAS-Bench-101 and NASLib store
 * them so) and is multiplied by 100; other columns are taken as they are. The table's metrics
 * are the metric fields every line has.
 */
final class JsonlTableReader {
  private static final Set<String> CELL_FIELDS = Set.of("hash", "matrix", "ops");
  private static final String TRAINING_TIME = "training_time";

  private final Nb101Space space;
  private final Path file;
  private final ObjectMapper json = new ObjectMapper();
  private final CellHasher hasher = new CellHasher();

  JsonlTableReader(Nb101Space space, Path file) {
    this.space = space;
    this.file = file;
  }

  HashedTruth read(GroundTruthSettings settings) {
    List<String> hashes = new ArrayList<>();
    List<Map<String, Double>> rows = new ArrayList<>();
    Set<String> common = null;
    try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      int lineNo = 0;
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        lineNo++;
        if (line.isBlank()) {
          continue;
        }
        JsonNode node = parse(line, lineNo);
        String hash = checkedHash(node, lineNo);
        Map<String, Double> values = metricValues(node, lineNo);
        if (common == null) {
          common = new LinkedHashSet<>(values.keySet());
        } else {
          common.retainAll(values.keySet());
        }
        hashes.add(hash);
        rows.add(values);
      }
    } catch (IOException e) {
      throw new InputException(file, null, "cannot be read: " + e.getMessage(), e);
    }
    if (hashes.isEmpty()) {
      throw new InputException(file, null, "holds no cells");
    }
    Set<String> fractions = fractionColumns(rows, common);
    // per hash, in order of first appearance: the sums and counts of each metric
    Map<String, Map<String, double[]>> sums = new LinkedHashMap<>();
    for (int r = 0; r < rows.size(); r++) {
      Map<String, double[]> cell = sums.computeIfAbsent(hashes.get(r), h -> new HashMap<>());
      for (Map.Entry<String, Double> e : rows.get(r).entrySet()) {
        double v = fractions.contains(e.getKey()) ? e.getValue() * 100 : e.getValue();
        double[] sum = cell.computeIfAbsent(e.getKey(), k -> new double[2]);
        sum[0] += v;
        sum[1]++;
      }
    }
    Map<String, TruthRecord> records = new LinkedHashMap<>();
    for (Map.Entry<String, Map<String, double[]>> cell : sums.entrySet()) {
      Map<String, Double> means = new HashMap<>();
      cell.getValue().forEach((metric, sum) -> means.put(metric, sum[0] / sum[1]));
      double seconds = means.getOrDefault(TRAINING_TIME, Double.NaN);
      records.put(cell.getKey(), new TruthRecord(means, seconds));
    }
    return new HashedTruth(space, file, records, common, settings);
  }

  private JsonNode parse(String line, int lineNo) {
    try {
      JsonNode node = json.readTree(line);
      if (!node.isObject()) {
        throw error(lineNo, "is not a JSON object");
      }
      return node;
    } catch (JsonProcessingException e) {
      throw error(lineNo, "is not JSON: " + e.getOriginalMessage());
    }
  }

  /** The line's hash, checked against the official hash of its cell. */
  private String checkedHash(JsonNode node, int lineNo) {
    JsonNode hashNode = node.get("hash");
    if (hashNode == null || !hashNode.isTextual()) {
      throw error(lineNo, "has no 'hash' string");
    }
    CellSpec spec;
    try {
      spec = CellJson.read(node);
    } catch (IllegalArgumentException e) {
      throw error(lineNo, e.getMessage());
    }
    CellVerdict verdict = CellValidator.check(spec);
    if (!verdict.valid()) {
      throw error(lineNo, "the cell is not a NAS-Bench-101 cell: " + verdict.reason());
    }
    String computed = hasher.hash(verdict.pruned());
    if (!computed.equals(hashNode.asText())) {
      throw error(lineNo, "hash " + hashNode.asText() + " does not match its cell, whose "
          + "official hash is " + computed);
    }
    return computed;
  }

  private Map<String, Double> metricValues(JsonNode node, int lineNo) {
    Map<String, Double> values = new LinkedHashMap<>();
    Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      String name = field.getKey();
      JsonNode value = field.getValue();
      if (CELL_FIELDS.contains(name) || value.isNull()) {
        continue;
      }
      if (!value.isNumber()) {
        throw error(lineNo, "field '" + name + "' is not a number: " + value);
      }
      values.put(name, value.asDouble());
    }
    return values;
  }

  private static Set<String> fractionColumns(List<Map<String, Double>> rows, Set<String> names) {
    Set<String> fractions = new LinkedHashSet<>();
    for (String name : names) {
      if (!name.contains("accuracy")) {
        continue;
      }
      boolean allFractions = true;
      for (Map<String, Double> row : rows) {
        double v = row.get(name);
        allFractions &= v >= 0 && v <= 1;
      }
      if (allFractions) {
        fractions.add(name);
      }
    }
    return fractions;
  }

  private InputException error(int lineNo, String message) {
    return new InputException(file, "line " + lineNo, message);
  }
}
