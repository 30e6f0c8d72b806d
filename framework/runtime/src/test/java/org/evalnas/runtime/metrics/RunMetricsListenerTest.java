package org.evalnas.runtime.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.evalnas.runtime.config.ExperimentConfigLoader;
import org.evalnas.runtime.config.ExperimentSettings;
import org.evalnas.runtime.config.LoadedConfig;
import org.evalnas.runtime.plugin.PluginRegistry;
import org.evalnas.runtime.protocol.ExperimentRunner;
import org.evalnas.runtime.protocol.RunOutcome;
import org.evalnas.runtime.results.CellResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real run on the fake benchmark, recorded into a registry of its own and read back. */
class RunMetricsListenerTest {
  private static final PluginRegistry REGISTRY = PluginRegistry.load(Optional.empty());

  @TempDir Path dir;

  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

  private RunOutcome run(RunMetricsListener listener, String... sets) throws IOException {
    Path file = dir.resolve("exp.conf");
    Files.writeString(
        file,
        "experiment { name = toy, space = fake, ground-truth = fake, seeds = 4\n"
            + "  policies = [test-random], baseline.policy = test-random, budget.queries = 9 }\n"
            + "execution.parallel = 2\n");
    LoadedConfig loaded = new ExperimentConfigLoader(REGISTRY.reference()).load(file, List.of(sets));
    ExperimentSettings settings = ExperimentSettings.from(loaded.config());
    return new ExperimentRunner(REGISTRY, loaded, settings, dir.resolve("out"), Clock.systemUTC())
        .run(false, listener);
  }

  private Samples scrape() {
    return Samples.parse(registry.scrape(MetricsServer.CONTENT_TYPE));
  }

  @Test
  void countsRunsAndCellsAndFollowsEachCellsSearch() throws IOException {
    RunOutcome outcome;
    try (RunMetricsListener listener = new RunMetricsListener(registry, "toy", "fake")) {
      outcome = run(listener);
      Samples s = scrape();
      Map<String, String> run = Map.of("experiment", "toy", "space", "fake");
      assertThat(s.value("evalnas_runs_started_total", run)).isEqualTo(1);
      assertThat(s.value("evalnas_runs_finished_total", run)).isEqualTo(1);
      assertThat(s.value("evalnas_runs_failed_total", run)).isEqualTo(0);
      assertThat(s.value("evalnas_run_cells", run)).isEqualTo(8);
      assertThat(s.value("evalnas_cells_resumed_total", run)).isEqualTo(0);
      assertThat(s.sum("evalnas_cells_started_total", run)).isEqualTo(8);
      assertThat(s.sum("evalnas_cells_finished_total", run)).isEqualTo(8);
      assertThat(s.value("evalnas_cells_finished_total", Map.of("policy", "test-random"))).isEqualTo(4);
      assertThat(s.sum("evalnas_cells_failed_total", run)).isEqualTo(0);
      for (CellResult r : outcome.results()) {
        Map<String, String> cell = Map.of("policy", r.policy(), "seed", Long.toString(r.seed()));
        assertThat(s.value("evalnas_cell_queries_used", cell)).isEqualTo(r.queriesUsed());
        assertThat(s.value("evalnas_cell_queries_budget", cell)).isEqualTo(r.budget());
        assertThat(s.value("evalnas_ground_truth_queries_total", cell)).isEqualTo(r.queriesUsed());
        double best = Arrays.stream(r.trajectoryReport()).max().getAsDouble();
        assertThat(s.value("evalnas_cell_best_accuracy", cell)).isEqualTo(best);
        // the incumbent is what the policy returns: best of N by the search score
        assertThat(s.value("evalnas_cell_incumbent_accuracy", cell)).isEqualTo(r.accuracy());
      }
      // bounded labels only: never an architecture
      Set<String> allowed = Set.of("experiment", "space", "policy", "seed", "split", "k");
      s.all().stream()
          .filter(x -> x.name().startsWith("evalnas_"))
          .forEach(x -> assertThat(allowed).containsAll(x.labels().keySet()));
    }
    // closing removes the run's series: a next run in this process starts clean
    assertThat(scrape().all()).noneMatch(x -> x.name().startsWith("evalnas_"));
  }

  @Test
  void failedAndResumedCellsAreCounted() throws IOException {
    try (RunMetricsListener listener = new RunMetricsListener(registry, "toy", "fake")) {
      run(listener, "policy.test-random.fail-at-seed=1");
    }
    try (RunMetricsListener listener = new RunMetricsListener(registry, "toy", "fake")) {
      run(listener, "policy.test-random.fail-at-seed=1");
      Samples s = scrape();
      Map<String, String> run = Map.of("experiment", "toy");
      assertThat(s.value("evalnas_cells_resumed_total", run)).isEqualTo(6);
      assertThat(s.sum("evalnas_cells_started_total", run)).isEqualTo(2);
      assertThat(s.sum("evalnas_cells_failed_total", run)).isEqualTo(2);
      assertThat(s.sum("evalnas_cells_finished_total", run)).isEqualTo(0);
      assertThat(s.value("evalnas_runs_failed_total", run)).isEqualTo(1);
      assertThat(s.value("evalnas_runs_finished_total", run)).isEqualTo(0);
    }
  }
}
