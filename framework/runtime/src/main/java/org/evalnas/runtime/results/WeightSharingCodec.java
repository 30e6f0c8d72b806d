package org.evalnas.runtime.results;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.evalnas.runtime.ranking.RankingReport;
import org.evalnas.runtime.results.WeightSharingRecord.EpochRanking;
import org.evalnas.runtime.results.WeightSharingRecord.SampleScore;

/**
 * The {@code weight_sharing} object of {@code result.json} (and of a weight-sharing cell's
 * checkpoint state and event log), in a fixed key order. NaN is written as null.
 */
public final class WeightSharingCodec {
  private WeightSharingCodec() {}

  /** The record as JSON. */
  public static ObjectNode write(WeightSharingRecord r) {
    ObjectNode o = CellResultCodec.JSON.createObjectNode();
    o.put("epochs", r.epochs());
    o.put("sample_size", r.sampleSize());
    o.put("truth_metric", r.truthMetric());
    number(o, "noise_ceiling", r.noiseCeiling());
    ArrayNode rankings = o.putArray("rankings");
    r.rankings().forEach(e -> rankings.add(ranking(e)));
    o.set("final_scores", scores(r.finalScores()));
    return o;
  }

  /** Sample scores as a JSON array. */
  public static ArrayNode scores(List<SampleScore> scores) {
    ArrayNode a = CellResultCodec.JSON.createArrayNode();
    for (SampleScore s : scores) {
      ObjectNode n = a.addObject();
      n.put("id", s.id());
      number(n, "supernet", s.supernet());
      number(n, "truth", s.truth());
    }
    return a;
  }

  /** Reads what {@link #scores} wrote. */
  public static List<SampleScore> readScores(JsonNode a) {
    List<SampleScore> scores = new ArrayList<>();
    a.forEach(n -> scores.add(new SampleScore(n.get("id").asText(), num(n.get("supernet")), num(n.get("truth")))));
    return scores;
  }

  /** Reads what {@link #write} wrote. */
  public static WeightSharingRecord read(JsonNode o) {
    List<EpochRanking> rankings = new ArrayList<>();
    o.get("rankings").forEach(n -> rankings.add(readRanking(n)));
    return new WeightSharingRecord(
        o.get("epochs").asInt(),
        o.get("sample_size").asInt(),
        o.get("truth_metric").asText(),
        num(o.get("noise_ceiling")),
        rankings,
        readScores(o.get("final_scores")));
  }

  /** One epoch's ranking metrics as JSON. */
  public static ObjectNode ranking(EpochRanking e) {
    RankingReport r = e.report();
    ObjectNode n = CellResultCodec.JSON.createObjectNode();
    n.put("epoch", e.epoch());
    n.put("n", r.n());
    number(n, "kendall_tau", r.kendallTau());
    number(n, "spearman_rho", r.spearmanRho());
    number(n, "sparse_kendall_tau", r.sparseKendallTau());
    number(n, "truth_precision", r.truthPrecision());
    ObjectNode p = n.putObject("precision_at_k");
    r.precisionAtK().forEach((k, v) -> number(p, Integer.toString(k), v));
    number(n, "top_fraction", r.topFraction());
    n.put("top_size", r.topSize());
    number(n, "top_kendall_tau", r.topKendallTau());
    n.put("true_rank_of_top", r.trueRankOfPredictedTop());
    return n;
  }

  /** Reads what {@link #ranking} wrote. */
  public static EpochRanking readRanking(JsonNode n) {
    Map<Integer, Double> precision = new TreeMap<>();
    n.get("precision_at_k").fields().forEachRemaining(f -> precision.put(Integer.parseInt(f.getKey()), num(f.getValue())));
    return new EpochRanking(
        n.get("epoch").asInt(),
        new RankingReport(
            n.get("n").asInt(),
            num(n.get("kendall_tau")),
            num(n.get("spearman_rho")),
            num(n.get("sparse_kendall_tau")),
            num(n.get("truth_precision")),
            precision,
            num(n.get("top_fraction")),
            n.get("top_size").asInt(),
            num(n.get("top_kendall_tau")),
            n.get("true_rank_of_top").asInt()));
  }

  private static void number(ObjectNode o, String key, double v) {
    if (Double.isFinite(v)) {
      o.put(key, v);
    } else {
      o.putNull(key);
    }
  }

  private static double num(JsonNode n) {
    return n == null || n.isNull() ? Double.NaN : n.asDouble();
  }
}
