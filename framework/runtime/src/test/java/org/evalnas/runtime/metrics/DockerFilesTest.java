package org.evalnas.runtime.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** docker/: the Grafana dashboard and the README's catalog agree with {@link MetricCatalog}. */
class DockerFilesTest {
  private static final Pattern METRIC = Pattern.compile("\\b(?:evalnas|jvm|process|system)_[a-z0-9_]+\\b");

  /** The repository's docker/ directory (tests run in framework/runtime). */
  static Path docker() {
    return Path.of("").toAbsolutePath().resolve("../../docker").normalize();
  }

  static JsonNode dashboard() {
    try {
      return new ObjectMapper().readTree(docker().resolve("grafana/dashboards/evalnas.json").toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every panel query of the dashboard. */
  static List<String> dashboardQueries() {
    List<String> out = new ArrayList<>();
    for (JsonNode panel : dashboard().get("panels")) {
      for (JsonNode t : panel.path("targets")) {
        out.add(t.get("expr").asText());
      }
    }
    return out;
  }

  private static void strings(JsonNode n, List<String> out) {
    if (n.isTextual()) {
      out.add(n.asText());
    }
    for (Iterator<JsonNode> it = n.elements(); it.hasNext(); ) {
      strings(it.next(), out);
    }
  }

  @Test
  void theDashboardParsesAndUsesOnlyCatalogMetrics() {
    JsonNode d = dashboard();
    assertThat(d.get("uid").asText()).isEqualTo("evalnas");
    List<String> all = new ArrayList<>();
    strings(d, all);
    Set<String> used = new TreeSet<>();
    for (String s : all) {
      Matcher m = METRIC.matcher(s);
      while (m.find()) {
        used.add(m.group());
      }
    }
    assertThat(MetricCatalog.allSeries()).containsAll(used);
    // the panels: progress, loss, accuracy, Kendall tau
    assertThat(used)
        .contains(
            "evalnas_cells_finished_total", "evalnas_cell_queries_used", "evalnas_cell_best_accuracy",
            "evalnas_training_loss", "evalnas_training_accuracy", "evalnas_ranking_kendall_tau");
    assertThat(dashboardQueries()).isNotEmpty().allMatch(q -> !q.isBlank());
    // per policy: a query of a meter labelled by policy keeps the policies apart or selects by it
    for (String q : dashboardQueries()) {
      Matcher m = METRIC.matcher(q);
      while (m.find()) {
        String name = m.group();
        boolean byPolicy =
            java.util.Arrays.stream(MetricCatalog.values())
                .anyMatch(c -> c.series().contains(name) && c.labels().contains("policy"));
        if (byPolicy) {
          assertThat(q).as(q).contains("by (policy").contains("policy=~\"$policy\"");
        }
      }
    }
  }

  @Test
  void composeAndPrometheusConfigPointAtEachOther() throws IOException {
    String compose = Files.readString(docker().resolve("compose.yaml"));
    String prometheus = Files.readString(docker().resolve("prometheus.yml"));
    assertThat(compose).contains("image: evalnas:cpu", "dockerfile: docker/Dockerfile", "./prometheus.yml:/etc/prometheus/prometheus.yml");
    assertThat(prometheus).contains("evalnas:9464", "pushgateway:9091", "honor_labels: true");
    assertThat(compose).contains("CONFIG_FORCE_metrics_host: \"0.0.0.0\"");
  }

  @Test
  void theReadmeCatalogListsEveryMeter() throws IOException {
    String readme = Files.readString(docker().resolve("../README.md"));
    for (MetricCatalog m : MetricCatalog.values()) {
      assertThat(readme).as(m.toString()).contains("`" + m.prometheusName() + "`");
    }
  }

  @Test
  void everyCatalogSeriesExistsOnceProduced() {
    var registry = new io.micrometer.prometheusmetrics.PrometheusMeterRegistry(
        io.micrometer.prometheusmetrics.PrometheusConfig.DEFAULT);
    var cell = new org.evalnas.runtime.protocol.CellKey("p", 0);
    try (RunMetricsListener run = new RunMetricsListener(registry, "e", "s");
        MicrometerTrainingMetrics training = new MicrometerTrainingMetrics(registry, "e", "s");
        MicrometerRankingMetrics ranking = new MicrometerRankingMetrics(registry, "e", "s")) {
      run.runStarted("e", 1, 0);
      run.cellStarted(cell);
      run.onQuery(cell, 1, 1, 0.5, 0.6);
      run.cellFinished(cell, true);
      run.runFinished();
      training.stepFinished(cell, new TrainingMetrics.Step(0, 0.1, 8, 1.0, 0.1));
      training.epochFinished(cell, new TrainingMetrics.Epoch(0, 50, 40));
      ranking.evaluated(cell, 0, new org.evalnas.runtime.ranking.RankingReport(
          4, 0.5, 0.6, 0.4, 0.1, Map.of(1, 1.0), 0.5, 2, 1.0, 1));
      Set<String> names = new TreeSet<>();
      Samples.parse(registry.scrape(MetricsServer.CONTENT_TYPE)).all().forEach(s -> names.add(s.name()));
      Set<String> expected = new TreeSet<>(MetricCatalog.allSeries());
      expected.removeAll(MetricCatalog.JVM_SERIES);
      assertThat(names).isEqualTo(expected);
    }
    Set<String> jvm = new TreeSet<>();
    Samples.parse(ProcessMetrics.registry().scrape(MetricsServer.CONTENT_TYPE)).all().forEach(s -> jvm.add(s.name()));
    assertThat(jvm).containsAll(MetricCatalog.JVM_SERIES);
  }
}
