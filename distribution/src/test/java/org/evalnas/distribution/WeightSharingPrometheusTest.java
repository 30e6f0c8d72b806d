package org.evalnas.distribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real Prometheus (Debian's package, which .ci/run installs) scrapes a real weight-sharing
 * {@code evalnas run} through the launcher: the supernet's training loss, learning rate and
 * the ranking study's Kendall tau come back through PromQL next to the cells-finished counter.
 */
@Tag("slow")
class WeightSharingPrometheusTest {
  private static final Path PROMETHEUS = Path.of("/usr/bin/prometheus");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @TempDir Path dir;

  @Test
  void theSupernetsTrainingLossAndKendallTauReachPrometheus() throws Exception {
    assumeTrue(Files.isExecutable(PROMETHEUS), "prometheus is not installed (apt-get install prometheus)");
    int runPort = freePort();
    int prometheusPort = freePort();
    Path config = Distribution.write(
        dir.resolve("prometheus.yml"),
        "global:\n  scrape_interval: 1s\n  scrape_timeout: 1s\n"
            + "scrape_configs:\n  - job_name: evalnas\n    static_configs:\n"
            + "      - targets: ['127.0.0.1:" + runPort + "']\n");
    Process prometheus =
        new ProcessBuilder(
                PROMETHEUS.toString(), "--config.file=" + config, "--storage.tsdb.path=" + dir.resolve("tsdb"),
                "--web.listen-address=127.0.0.1:" + prometheusPort)
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("prometheus.log").toFile())
            .start();
    try {
      // a tiny benchmark to rank against: the 7 cells with at most 3 vertices, one repeat
      Distribution.write(
          dir.resolve("build.conf"),
          "benchmark { max-vertices = 3, repeats = 1, output = bench, recipe { epochs = 1, batch-size = 64,"
              + " train-images = 256, test-images = 256, validation-portion = 0.01, channels = 4, stacks = 1 } }\n");
      Process build = Distribution.start(dir, "benchmark", "build", "build.conf");
      assertThat(build.waitFor(300, TimeUnit.SECONDS)).isTrue();
      assertThat(build.exitValue()).as(Files.readString(dir.resolve("stderr.txt"))).isZero();

      Distribution.write(
          dir.resolve("ws.conf"),
          "experiment { name = ws-prom, seeds = 1, space = nasbench101, ground-truth = nasbench101,\n"
              + "  policies = [spos]\n"
              + "  weight-sharing { training { train-images = 640, epochs = 2, batch-size = 32, channels = 4,"
              + " stacks = 1, device = cpu, threads = 1 }, evaluation { epochs = [1, 2], validation-images = 200 } }\n"
              + "}\n"
              + "space.nasbench101.max-vertices = 3\n"
              + "ground-truth.nasbench101 { data = bench/table.jsonl, report-metric = test_accuracy }\n"
              + "metrics.port = " + runPort + "\n");
      Process run = Distribution.start(dir, "run", "ws.conf", "--output", "out", "--no-progress", "--linger", "5");
      assertThat(run.waitFor(300, TimeUnit.SECONDS)).isTrue();
      assertThat(run.exitValue()).as(Files.readString(dir.resolve("stderr.txt"))).isZero();
      assertThat(Files.readString(dir.resolve("stdout.txt"))).contains("metrics: http://127.0.0.1:" + runPort + "/metrics");

      String cell = "{job=\"evalnas\", experiment=\"ws-prom\", policy=\"spos\", seed=\"0\"}";
      double loss = awaitValue(prometheusPort, "max_over_time(evalnas_training_loss" + cell + "[10m])");
      assertThat(loss).isPositive().isLessThan(10);
      assertThat(awaitValue(prometheusPort, "max_over_time(evalnas_training_learning_rate" + cell + "[10m])")).isPositive();
      JsonNode result = JSON.readTree(dir.resolve("out/spos/seed-0/result.json").toFile());
      double tau = result.get("weight_sharing").get("rankings").get(1).get("kendall_tau").asDouble();
      assertThat(awaitValue(prometheusPort, "last_over_time(evalnas_ranking_kendall_tau" + cell + "[10m])")).isEqualTo(tau);
      assertThat(awaitValue(prometheusPort, "sum(max_over_time(evalnas_cells_finished_total{job=\"evalnas\", experiment=\"ws-prom\"}[10m]))"))
          .isEqualTo(2);
    } finally {
      prometheus.destroy();
      prometheus.waitFor(10, TimeUnit.SECONDS);
    }
  }

  private static int freePort() throws Exception {
    try (ServerSocket s = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  /** Polls an instant PromQL query until it has a value (Prometheus may still be starting). */
  private static double awaitValue(int port, String promql) throws Exception {
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    URI uri = URI.create("http://127.0.0.1:" + port + "/api/v1/query?query="
        + URLEncoder.encode(promql, StandardCharsets.UTF_8));
    while (System.nanoTime() < until) {
      try {
        JsonNode r = JSON.readTree(HTTP.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString()).body());
        JsonNode result = r.path("data").path("result");
        if (result.size() == 1) {
          return Double.parseDouble(result.get(0).get("value").get(1).asText());
        }
      } catch (ConnectException | com.fasterxml.jackson.core.JsonProcessingException starting) {
        // not up yet
      }
      Thread.sleep(250);
    }
    throw new AssertionError(promql + " has no value after 30 s");
  }

}
