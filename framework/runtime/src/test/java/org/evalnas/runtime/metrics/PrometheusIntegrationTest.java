package org.evalnas.runtime.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.DoublePredicate;
import org.evalnas.runtime.cli.Main;
import org.evalnas.runtime.protocol.CellKey;
import org.evalnas.runtime.results.CellResult;
import org.evalnas.runtime.results.CellResultCodec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The metrics end to end against the real servers (Debian's prometheus and
 * prometheus-pushgateway, which .ci/run installs): a real {@code evalnas run} on the fake
 * benchmark is scraped by Prometheus every second, or pushes to the Pushgateway that
 * Prometheus scrapes, and every value is read back through PromQL.
 */
@Tag("slow")
class PrometheusIntegrationTest {
  private static final Path PROMETHEUS = Path.of("/usr/bin/prometheus");
  private static final Path PUSHGATEWAY = Path.of("/usr/bin/prometheus-pushgateway");
  private static final Path PROMTOOL = Path.of("/usr/bin/promtool");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @TempDir static Path dir;

  private static final List<Process> servers = new ArrayList<>();
  private static int runPort;
  private static int trainingPort;
  private static int gatewayPort;
  private static int prometheusPort;

  @BeforeAll
  static void startServers() throws Exception {
    assumeTrue(Files.isExecutable(PROMETHEUS) && Files.isExecutable(PUSHGATEWAY),
        "prometheus and prometheus-pushgateway are not installed (apt-get install prometheus prometheus-pushgateway)");
    runPort = freePort();
    trainingPort = freePort();
    gatewayPort = freePort();
    prometheusPort = freePort();
    servers.add(
        start("pushgateway", PUSHGATEWAY.toString(), "--web.listen-address=127.0.0.1:" + gatewayPort));
    Path config = dir.resolve("prometheus.yml");
    Files.writeString(
        config,
        "global:\n  scrape_interval: 1s\n  scrape_timeout: 1s\n"
            + "scrape_configs:\n"
            + "  - job_name: evalnas\n    static_configs:\n      - targets: ['127.0.0.1:" + runPort + "']\n"
            + "  - job_name: training\n    static_configs:\n      - targets: ['127.0.0.1:" + trainingPort + "']\n"
            + "  - job_name: pushgateway\n    honor_labels: true\n"
            + "    static_configs:\n      - targets: ['127.0.0.1:" + gatewayPort + "']\n");
    servers.add(
        start(
            "prometheus",
            PROMETHEUS.toString(),
            "--config.file=" + config,
            "--storage.tsdb.path=" + dir.resolve("data"),
            "--web.listen-address=127.0.0.1:" + prometheusPort));
    awaitHttp(URI.create("http://127.0.0.1:" + gatewayPort + "/-/ready"));
    awaitHttp(URI.create("http://127.0.0.1:" + prometheusPort + "/-/ready"));
  }

  @AfterAll
  static void stopServers() throws InterruptedException {
    for (Process p : servers) {
      p.destroy();
      if (!p.waitFor(10, TimeUnit.SECONDS)) {
        p.destroyForcibly().waitFor();
      }
    }
  }

  private static Process start(String name, String... command) throws IOException {
    return new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(dir.resolve(name + ".log").toFile())
        .start();
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  private static void awaitHttp(URI uri) throws Exception {
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (true) {
      try {
        if (HTTP.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return;
        }
      } catch (ConnectException notYet) {
        // starting
      }
      if (System.nanoTime() > until) {
        throw new AssertionError(uri + " did not come up; see the logs in " + dir);
      }
      Thread.sleep(100);
    }
  }

  private static String get(URI uri) throws IOException, InterruptedException {
    return HTTP.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString()).body();
  }

  /** An instant PromQL query's single value, or empty when it has no result. */
  private static OptionalDouble query(String promql) throws IOException, InterruptedException {
    URI uri =
        URI.create(
            "http://127.0.0.1:" + prometheusPort + "/api/v1/query?query="
                + URLEncoder.encode(promql, StandardCharsets.UTF_8));
    JsonNode r = JSON.readTree(get(uri));
    assertThat(r.get("status").asText()).as(r.toString()).isEqualTo("success");
    JsonNode result = r.get("data").get("result");
    if (result.isEmpty()) {
      return OptionalDouble.empty();
    }
    assertThat(result).as(promql + " " + result).hasSize(1);
    return OptionalDouble.of(Double.parseDouble(result.get(0).get("value").get(1).asText()));
  }

  /** Polls a query until its value satisfies {@code ok}; returns the last value. */
  private static double await(String promql, DoublePredicate ok) throws Exception {
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    OptionalDouble v = OptionalDouble.empty();
    while (System.nanoTime() < until) {
      v = query(promql);
      if (v.isPresent() && ok.test(v.getAsDouble())) {
        return v.getAsDouble();
      }
      Thread.sleep(250);
    }
    throw new AssertionError(promql + " is " + v + " after 30 s");
  }

  private record Run(int code, String out, String err) {}

  private static Run evalnas(String experiment, String... more) {
    try {
      Path file = dir.resolve(experiment + ".conf");
      Files.writeString(
          file,
          "experiment { name = " + experiment + ", space = fake, ground-truth = fake, seeds = 3\n"
              + "  policies = [test-random], baseline.policy = test-random, budget.queries = 20 }\n");
      List<String> args =
          new ArrayList<>(List.of("run", file.toString(), "--output", dir.resolve(experiment).toString(), "--no-progress"));
      args.addAll(Arrays.asList(more));
      StringWriter out = new StringWriter();
      StringWriter err = new StringWriter();
      int code = Main.execute(args.toArray(String[]::new), new PrintWriter(out), new PrintWriter(err));
      return new Run(code, out.toString(), err.toString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void prometheusScrapesARunAndPromqlSeesEveryCell() throws Exception {
    Run run = evalnas("prom-scrape", "--set", "metrics.port=" + runPort, "--linger", "4");
    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.out()).startsWith("metrics: http://127.0.0.1:" + runPort + "/metrics\n");
    // the run is over and its endpoint gone: read what Prometheus scraped while it lingered
    String sel = "{job=\"evalnas\", experiment=\"prom-scrape\"}";
    assertThat(await("sum(max_over_time(evalnas_cells_finished_total" + sel + "[10m]))", v -> v == 6)).isEqualTo(6);
    assertThat(query("sum(max_over_time(evalnas_cells_failed_total" + sel + "[10m]))")).hasValue(0);
    assertThat(query("max_over_time(evalnas_runs_finished_total" + sel + "[10m])")).hasValue(1);
    CellKey cell = new CellKey("test-random", 1);
    CellResult r = CellResultCodec.read(cell.directory(dir.resolve("prom-scrape")).resolve("result.json"));
    String cellSel = "{job=\"evalnas\", experiment=\"prom-scrape\", policy=\"test-random\", seed=\"1\"}";
    assertThat(query("max_over_time(evalnas_cell_best_accuracy" + cellSel + "[10m])"))
        .hasValue(Arrays.stream(r.trajectoryReport()).max().getAsDouble());
    assertThat(query("max_over_time(evalnas_cell_queries_used" + cellSel + "[10m])")).hasValue(20);
    assertThat(query("max_over_time(evalnas_ground_truth_queries_total" + cellSel + "[10m])")).hasValue(20);
    assertThat(query("max_over_time(evalnas_cell_queries_budget" + cellSel + "[10m])")).hasValue(20);
    assertThat(query("count(max_over_time(jvm_memory_used_bytes{job=\"evalnas\"}[10m])) > 0")).isPresent();
  }

  @Test
  void aBatchRunPushesToTheGatewayAndPrometheusReadsItThere() throws Exception {
    String gateway = "http://127.0.0.1:" + gatewayPort;
    Run run =
        evalnas("prom-push", "--set", "metrics.serve=false", "--set", "metrics.pushgateway.url=\"" + gateway + "\"",
            "--set", "metrics.pushgateway.instance=node-1");
    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.out()).doesNotContain("metrics:");
    assertThat(run.err()).doesNotContain("warning");
    // the gateway holds the final push
    Samples pushed = Samples.parse(get(URI.create(gateway + "/metrics")));
    Map<String, String> group = Map.of("job", "evalnas", "experiment", "prom-push", "instance", "node-1");
    assertThat(pushed.sum("evalnas_cells_finished_total", group)).isEqualTo(6);
    // and Prometheus sees it through the gateway
    assertThat(await("sum(evalnas_cells_finished_total{job=\"evalnas\", experiment=\"prom-push\", instance=\"node-1\"})", v -> v == 6))
        .isEqualTo(6);
  }

  @Test
  void deleteOnFinishRemovesTheGroupAfterTheLinger() throws Exception {
    String gateway = "http://127.0.0.1:" + gatewayPort;
    CompletableFuture<Run> run =
        CompletableFuture.supplyAsync(
            () ->
                evalnas("prom-delete", "--set", "metrics.serve=false",
                    "--set", "metrics.pushgateway.url=\"" + gateway + "\"", "--set", "metrics.pushgateway.interval=1s",
                    "--set", "metrics.pushgateway.delete-on-finish=true", "--set", "metrics.pushgateway.instance=node-2",
                    "--linger", "3"));
    Map<String, String> group = Map.of("experiment", "prom-delete", "instance", "node-2");
    double seen = 0;
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (seen != 6 && System.nanoTime() < until) {
      seen = Samples.parse(get(URI.create(gateway + "/metrics"))).sum("evalnas_cells_finished_total", group);
      Thread.sleep(100);
    }
    assertThat(seen).as("the group while the run lingers").isEqualTo(6);
    Run done = run.get(30, TimeUnit.SECONDS);
    assertThat(done.code()).as(done.err()).isZero();
    assertThat(Samples.parse(get(URI.create(gateway + "/metrics"))).of("evalnas_cells_finished_total", group)).isEmpty();
  }

  @Test
  void aTrainingLossFedThroughTheProducerComesBackThroughPromql() throws Exception {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    try (MicrometerTrainingMetrics training = new MicrometerTrainingMetrics(registry, "prom-train", "fake");
        MetricsServer server = MetricsServer.start(registry, "127.0.0.1", trainingPort)) {
      assertThat(server.address().getPort()).isEqualTo(trainingPort);
      TrainingMetrics producer = training;
      CellKey cell = new CellKey("spos", 0);
      producer.stepFinished(cell, new TrainingMetrics.Step(3, 0.2, 96, 0.4321, 0.05));
      producer.epochFinished(cell, new TrainingMetrics.Epoch(3, 61.5, 58.75));
      String sel = "{job=\"training\", experiment=\"prom-train\", policy=\"spos\", seed=\"0\"";
      assertThat(await("evalnas_training_loss" + sel + "}", v -> v == 0.4321)).isEqualTo(0.4321);
      assertThat(await("evalnas_training_accuracy" + sel + ", split=\"validation\"}", v -> v == 58.75)).isEqualTo(58.75);
      assertThat(await("evalnas_training_images_per_second" + sel + "}", v -> v == 480)).isEqualTo(480);
    }
  }

  @Test
  void promtoolAcceptsTheShippedConfigAndTheDashboardsQueries() throws Exception {
    assumeTrue(Files.isExecutable(PROMTOOL), "promtool is not installed");
    Path docker = DockerFilesTest.docker();
    Process check = new ProcessBuilder(PROMTOOL.toString(), "check", "config", docker.resolve("prometheus.yml").toString())
        .redirectErrorStream(true).start();
    String out = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(check.waitFor()).as(out).isZero();
    assertThat(out).contains("SUCCESS");
    // every dashboard query parses as PromQL: as recording rules for promtool
    StringBuilder rules = new StringBuilder("groups:\n  - name: dashboard\n    rules:\n");
    List<String> exprs = DockerFilesTest.dashboardQueries();
    for (int i = 0; i < exprs.size(); i++) {
      rules.append("      - record: dashboard:query_").append(i).append('\n')
          .append("        expr: '").append(exprs.get(i).replace("'", "''")).append("'\n");
    }
    Path file = dir.resolve("dashboard-rules.yml");
    Files.writeString(file, rules);
    Process rulesCheck = new ProcessBuilder(PROMTOOL.toString(), "check", "rules", file.toString())
        .redirectErrorStream(true).start();
    String rulesOut = new String(rulesCheck.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(rulesCheck.waitFor()).as(rulesOut).isZero();
    assertThat(rulesOut).contains("SUCCESS: " + exprs.size() + " rules found");
  }
}
