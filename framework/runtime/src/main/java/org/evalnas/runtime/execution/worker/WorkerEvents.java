package org.evalnas.runtime.execution.worker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import org.evalnas.runtime.metrics.RankingMetricsSink;
import org.evalnas.runtime.metrics.TrainingMetrics;
import org.evalnas.runtime.protocol.CellKey;
import org.evalnas.runtime.protocol.QueryListener;
import org.evalnas.runtime.ranking.RankingReport;
import org.evalnas.runtime.results.WeightSharingCodec;
import org.evalnas.runtime.results.WeightSharingRecord.EpochRanking;

/**
 * The line protocol between a worker and its parent: one event a line, {@value #PREFIX}
 * followed by a JSON object; other lines are not events. The child writes them ({@link
 * #writer}); the parent replays them into its listeners ({@link #dispatch}).
 */
public final class WorkerEvents {
  /** What starts an event line. */
  public static final String PREFIX = "@evalnas ";

  private static final ObjectMapper JSON = new ObjectMapper();

  private WorkerEvents() {}

  /** Where a worker's listeners go. */
  public record Sinks(QueryListener queries, TrainingMetrics training, RankingMetricsSink ranking) {}

  /** Listeners that print every event to {@code out} (one cell per worker). */
  public static Sinks writer(PrintStream out) {
    QueryListener queries =
        (cell, used, limit, score, report) -> {
          ObjectNode o = event("query");
          o.put("used", used).put("limit", limit).put("score", score).put("report", report);
          print(out, o);
        };
    TrainingMetrics training =
        new TrainingMetrics() {
          @Override
          public void stepFinished(CellKey cell, Step step) {
            ObjectNode o = event("step");
            o.put("epoch", step.epoch()).put("seconds", step.seconds()).put("images", step.images())
                .put("loss", step.loss()).put("lr", step.learningRate());
            print(out, o);
          }

          @Override
          public void epochFinished(CellKey cell, Epoch epoch) {
            ObjectNode o = event("epoch");
            o.put("epoch", epoch.epoch()).put("train", epoch.trainAccuracy()).put("validation", epoch.validationAccuracy());
            print(out, o);
          }
        };
    RankingMetricsSink ranking =
        (cell, epoch, report) -> {
          ObjectNode o = event("ranking");
          o.set("ranking", WeightSharingCodec.ranking(new EpochRanking(epoch, report)));
          print(out, o);
        };
    return new Sinks(queries, training, ranking);
  }

  /**
   * Replays one line of a worker's output for {@code cell}.
   *
   * @return whether it was an event
   */
  public static boolean dispatch(String line, CellKey cell, Sinks sinks) {
    if (!line.startsWith(PREFIX)) {
      return false;
    }
    JsonNode o;
    try {
      o = JSON.readTree(line.substring(PREFIX.length()));
    } catch (java.io.IOException e) {
      return false;
    }
    switch (o.path("event").asText()) {
      case "query" -> sinks.queries().onQuery(
          cell, o.get("used").asInt(), o.get("limit").asInt(), num(o.get("score")), num(o.get("report")));
      case "step" -> sinks.training().stepFinished(
          cell,
          new TrainingMetrics.Step(
              o.get("epoch").asInt(), num(o.get("seconds")), o.get("images").asInt(), num(o.get("loss")), num(o.get("lr"))));
      case "epoch" -> sinks.training().epochFinished(
          cell, new TrainingMetrics.Epoch(o.get("epoch").asInt(), num(o.get("train")), num(o.get("validation"))));
      case "ranking" -> {
        EpochRanking r = WeightSharingCodec.readRanking(o.get("ranking"));
        RankingReport report = r.report();
        sinks.ranking().evaluated(cell, r.epoch(), report);
      }
      default -> {
        return false;
      }
    }
    return true;
  }

  private static ObjectNode event(String kind) {
    ObjectNode o = JSON.createObjectNode();
    o.put("event", kind);
    return o;
  }

  private static void print(PrintStream out, ObjectNode o) {
    String line = PREFIX + o;
    synchronized (out) {
      out.println(line);
      out.flush();
    }
  }

  /** NaN travels as null (JSON has no NaN). */
  private static double num(JsonNode n) {
    return n == null || n.isNull() || !n.isNumber() ? Double.NaN : n.asDouble();
  }
}
