package org.evalnas.runtime.results;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;
import org.evalnas.api.InputException;
import org.evalnas.runtime.results.CellResult.ChosenArchitecture;

/**
 * {@code result.json}: written with a fixed key order so that two runs of one config give the
 * same bytes apart from the {@code timing} object.
 */
public final class CellResultCodec {
  /** The format version written into every file. */
  public static final int FORMAT = 1;

  static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private CellResultCodec() {}

  /** Serializes a result. */
  public static byte[] write(CellResult r) {
    ObjectNode o = JSON.createObjectNode();
    o.put("format", FORMAT);
    o.put("experiment", r.experiment());
    o.put("policy", r.policy());
    o.put("seed", r.seed());
    o.put("space", r.space());
    o.set("chosen", architecture(r.chosen(), false));
    number(o, "search_score", r.searchScore());
    number(o, "accuracy", r.accuracy());
    ObjectNode details = o.putObject("details");
    new TreeMap<>(r.details()).forEach((k, v) -> number(details, k, v));
    o.put("search_metric", r.searchMetric());
    o.put("report_metric", r.reportMetric());
    number(o, "rank_percentile", r.rankPercentile());
    number(o, "regret", r.regret());
    if (r.best() != null) {
      o.set("space_best", architecture(r.best(), true));
    }
    ObjectNode budget = o.putObject("budget");
    budget.put("queries", r.budget());
    budget.put("queries_used", r.queriesUsed());
    number(budget, "simulated_seconds", r.simulatedSeconds());
    ObjectNode trajectory = o.putObject("trajectory");
    doubles(trajectory.putArray("search"), r.trajectorySearch());
    doubles(trajectory.putArray("report"), r.trajectoryReport());
    if (r.weightSharing() != null) {
      o.set("weight_sharing", WeightSharingCodec.write(r.weightSharing()));
    }
    ObjectNode timing = o.putObject("timing");
    timing.put("started", r.started().toString());
    timing.put("finished", r.finished().toString());
    number(timing, "seconds", (r.finished().toEpochMilli() - r.started().toEpochMilli()) / 1000.0);
    try {
      return JSON.writeValueAsBytes(o);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static ObjectNode architecture(ChosenArchitecture a, boolean withAccuracy) {
    ObjectNode n = JSON.createObjectNode();
    n.put("id", a.id());
    n.put("label", a.label());
    ArrayNode c = n.putArray("choices");
    for (int x : a.choices()) {
      c.add(x);
    }
    if (withAccuracy) {
      number(n, "accuracy", a.accuracy());
    }
    return n;
  }

  private static void number(ObjectNode o, String key, double v) {
    if (Double.isFinite(v)) {
      o.put(key, v);
    } else {
      o.putNull(key); // JSON has no NaN
    }
  }

  private static void doubles(ArrayNode a, double[] values) {
    for (double v : values) {
      a.add(v);
    }
  }

  /**
   * Reads a result.
   *
   * @throws InputException when the file is not a complete result of this format
   */
  public static CellResult read(Path file) {
    JsonNode o;
    try {
      o = JSON.readTree(Files.readAllBytes(file));
    } catch (IOException e) {
      throw new InputException(file, null, "not a readable result.json: " + e.getMessage(), e);
    }
    if (o == null || !o.isObject() || o.path("format").asInt(-1) != FORMAT) {
      throw new InputException(file, null, "not a result.json of format " + FORMAT);
    }
    try {
      Map<String, Double> details = new TreeMap<>();
      for (Iterator<Map.Entry<String, JsonNode>> it = o.get("details").fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        details.put(e.getKey(), num(e.getValue()));
      }
      JsonNode budget = o.get("budget");
      JsonNode timing = o.get("timing");
      return new CellResult(
          o.get("experiment").asText(),
          o.get("policy").asText(),
          o.get("seed").asLong(),
          o.get("space").asText(),
          readArchitecture(o.get("chosen")),
          num(o.get("search_score")),
          num(o.get("accuracy")),
          details,
          o.get("search_metric").asText(),
          o.get("report_metric").asText(),
          num(o.get("rank_percentile")),
          num(o.get("regret")),
          o.has("space_best") ? readArchitecture(o.get("space_best")) : null,
          budget.get("queries").asInt(),
          budget.get("queries_used").asInt(),
          num(budget.get("simulated_seconds")),
          readDoubles(o.get("trajectory").get("search")),
          readDoubles(o.get("trajectory").get("report")),
          o.has("weight_sharing") ? WeightSharingCodec.read(o.get("weight_sharing")) : null,
          Instant.parse(timing.get("started").asText()),
          Instant.parse(timing.get("finished").asText()));
    } catch (RuntimeException e) {
      throw new InputException(file, null, "incomplete result.json: " + e, e);
    }
  }

  private static ChosenArchitecture readArchitecture(JsonNode n) {
    int[] choices = new int[n.get("choices").size()];
    for (int i = 0; i < choices.length; i++) {
      choices[i] = n.get("choices").get(i).asInt();
    }
    return new ChosenArchitecture(
        n.get("id").asText(), n.get("label").asText(), choices, num(n.get("accuracy")));
  }

  private static double num(JsonNode n) {
    return n == null || n.isNull() ? Double.NaN : n.asDouble();
  }

  private static double[] readDoubles(JsonNode a) {
    double[] d = new double[a.size()];
    for (int i = 0; i < d.length; i++) {
      d[i] = a.get(i).asDouble();
    }
    return d;
  }
}
