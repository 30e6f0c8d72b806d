package org.evalnas.runtime.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code evalnas run}'s metrics endpoint as a user meets it. */
class RunMetricsCliTest {
  private static final Pattern LINE = Pattern.compile("(?m)^metrics: http://127\\.0\\.0\\.1:(\\d+)/metrics$");

  @TempDir Path dir;

  private record Run(int code, String out, String err) {}

  private Run cli(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.execute(args, new PrintWriter(out), new PrintWriter(err));
    return new Run(code, out.toString(), err.toString());
  }

  private String config(String name) throws IOException {
    Path f = dir.resolve(name + ".conf");
    Files.writeString(
        f,
        "experiment { name = " + name + ", space = fake, ground-truth = fake, seeds = 3\n"
            + "  policies = [test-random], baseline.policy = test-random, budget.queries = 5 }\n");
    return f.toString();
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  @Test
  void printsTheEndpointFirstAndStopsItWithTheRun() throws IOException {
    Run r = cli("run", config("cli-a"), "--output", dir.resolve("a").toString(), "--no-progress", "--set", "metrics.port=0");
    assertThat(r.code()).as(r.err()).isZero();
    Matcher m = LINE.matcher(r.out());
    assertThat(m.find()).as(r.out()).isTrue();
    assertThat(r.out()).startsWith(m.group());
    URI uri = URI.create("http://127.0.0.1:" + m.group(1) + "/metrics");
    assertThatThrownBy(
            () -> HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString()))
        .isInstanceOf(ConnectException.class);
  }

  @Test
  void noMetricsServesNothing() throws IOException {
    Run r = cli("run", config("cli-b"), "--output", dir.resolve("b").toString(), "--no-progress", "--no-metrics");
    assertThat(r.code()).isZero();
    assertThat(r.out()).doesNotContain("metrics:");
    Run off = cli("run", config("cli-c"), "--output", dir.resolve("c").toString(), "--no-progress", "--set", "metrics.enabled=false");
    assertThat(off.out()).doesNotContain("metrics:");
  }

  @Test
  void lingerKeepsTheFinalValuesUpForAScrape() throws Exception {
    int port = freePort();
    CompletableFuture<Run> run =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return cli("run", config("cli-d"), "--output", dir.resolve("d").toString(), "--no-progress",
                    "--set", "metrics.port=" + port, "--linger", "3");
              } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
              }
            });
    HttpClient http = HttpClient.newHttpClient();
    URI uri = URI.create("http://127.0.0.1:" + port + "/metrics");
    String body = "";
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (System.nanoTime() < until && !body.contains("evalnas_runs_finished_total{experiment=\"cli-d\",space=\"fake\"} 1.0")) {
      try {
        body = http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString()).body();
      } catch (ConnectException notYet) {
        Thread.sleep(50);
      }
    }
    assertThat(run).isNotDone(); // still lingering
    assertThat(body)
        .contains("evalnas_cells_finished_total{experiment=\"cli-d\",policy=\"random-baseline\",space=\"fake\"} 3.0")
        .contains("evalnas_cells_finished_total{experiment=\"cli-d\",policy=\"test-random\",space=\"fake\"} 3.0")
        .contains("jvm_memory_used_bytes");
    Run done = run.get(30, TimeUnit.SECONDS);
    assertThat(done.code()).as(done.err()).isZero();
    assertThat(done.out()).startsWith("metrics: http://127.0.0.1:" + port + "/metrics\n");
  }

  @Test
  void aBadMetricsSettingIsExitTwo() throws IOException {
    Run r = cli("run", config("cli-e"), "--output", dir.resolve("e").toString(), "--set", "metrics.port=70000");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("metrics.port must be 0..65535, got 70000");
    Run url = cli("run", config("cli-f"), "--output", dir.resolve("f").toString(), "--set", "metrics.pushgateway.url=\"ftp://x\"");
    assertThat(url.code()).isEqualTo(2);
    assertThat(url.err()).contains("metrics.pushgateway.url");
  }
}
