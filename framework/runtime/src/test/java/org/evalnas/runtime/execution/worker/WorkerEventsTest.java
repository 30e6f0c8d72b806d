package org.evalnas.runtime.execution.worker;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.evalnas.runtime.metrics.RankingMetricsSink;
import org.evalnas.runtime.metrics.TrainingMetrics;
import org.evalnas.runtime.protocol.CellKey;
import org.evalnas.runtime.protocol.QueryListener;
import org.evalnas.runtime.ranking.RankingReport;
import org.junit.jupiter.api.Test;

class WorkerEventsTest {

  @Test
  void everyEventAWorkerPrintsReachesTheParentsListenersUnchanged() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    CellKey cell = new CellKey("spos", 3);
    WorkerEvents.Sinks worker = WorkerEvents.writer(out);
    RankingReport report = new RankingReport(91, 0.41, 0.55, 0.4, 0.1, Map.of(1, 0.0, 10, 0.3), 0.1, 10, Double.NaN, 7);
    worker.queries().onQuery(cell, 4, 10, 81.25, Double.NaN);
    worker.training().stepFinished(cell, new TrainingMetrics.Step(2, 0.125, 64, 1.0625, 0.05));
    worker.training().epochFinished(cell, new TrainingMetrics.Epoch(2, 61.5, Double.NaN));
    worker.ranking().evaluated(cell, 2, report);
    out.println("spos seed 3: starting"); // not an event

    List<Object> heard = new ArrayList<>();
    QueryListener queries = (c, used, limit, score, rep) -> heard.add(List.of(c, used, limit, score, rep));
    TrainingMetrics training =
        new TrainingMetrics() {
          @Override
          public void stepFinished(CellKey c, Step step) {
            heard.add(step);
          }

          @Override
          public void epochFinished(CellKey c, Epoch epoch) {
            heard.add(epoch);
          }
        };
    RankingMetricsSink ranking = (c, epoch, r) -> heard.add(List.of(c, epoch, r));
    WorkerEvents.Sinks parent = new WorkerEvents.Sinks(queries, training, ranking);
    int events = 0;
    for (String line : bytes.toString(StandardCharsets.UTF_8).split("\n")) {
      if (WorkerEvents.dispatch(line, cell, parent)) {
        events++;
      }
    }
    assertThat(events).isEqualTo(4);
    assertThat(heard)
        .containsExactly(
            List.of(cell, 4, 10, 81.25, Double.NaN),
            new TrainingMetrics.Step(2, 0.125, 64, 1.0625, 0.05),
            new TrainingMetrics.Epoch(2, 61.5, Double.NaN),
            List.of(cell, 2, report));
  }
}
