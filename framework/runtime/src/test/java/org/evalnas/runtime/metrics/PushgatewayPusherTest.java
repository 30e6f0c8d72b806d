package org.evalnas.runtime.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Pushgateway protocol against a recording stand-in (the real one is in the slow tests). */
class PushgatewayPusherTest {
  private HttpServer gateway;
  private final List<String> requests = Collections.synchronizedList(new ArrayList<>());
  private volatile int status = 200;

  @BeforeEach
  void start() throws Exception {
    gateway = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    gateway.createContext(
        "/",
        ex -> {
          String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          requests.add(ex.getRequestMethod() + " " + ex.getRequestURI().getRawPath() + " " + body.strip());
          ex.sendResponseHeaders(status, -1);
          ex.close();
        });
    gateway.start();
  }

  @AfterEach
  void stop() {
    gateway.stop(0);
  }

  private URI url() {
    return URI.create("http://127.0.0.1:" + gateway.getAddress().getPort() + "/");
  }

  @Test
  void putsTheGroupOnAnIntervalAndDeletesIt() throws Exception {
    AtomicInteger n = new AtomicInteger();
    List<String> warnings = new ArrayList<>();
    try (PushgatewayPusher p =
        new PushgatewayPusher(
            url(),
            PushgatewayPusher.groupingKey("evalnas", "toy", "node7-42"),
            () -> "evalnas_cells_finished_total " + n.incrementAndGet() + "\n",
            warnings::add)) {
      p.start(Duration.ofMillis(50));
      long until = System.nanoTime() + 5_000_000_000L;
      while (requests.size() < 2 && System.nanoTime() < until) {
        Thread.sleep(20);
      }
      p.close();
      assertThat(p.push()).isTrue();
      assertThat(p.delete()).isTrue();
    }
    assertThat(requests.size()).isGreaterThanOrEqualTo(4);
    assertThat(requests.get(0)).startsWith("PUT /metrics/job/evalnas/experiment/toy/instance/node7-42 evalnas_cells_finished_total ");
    assertThat(requests.get(requests.size() - 1)).isEqualTo("DELETE /metrics/job/evalnas/experiment/toy/instance/node7-42 ");
    assertThat(warnings).isEmpty();
  }

  @Test
  void valuesAURLCannotCarryGoInBase64() {
    assertThat(PushgatewayPusher.path(PushgatewayPusher.groupingKey("evalnas", "a/b c", "")))
        .isEqualTo("/job/evalnas/experiment@base64/YS9iIGM=/instance@base64/=");
  }

  @Test
  void failuresWarnOncePerStreakAndNeverThrow() {
    status = 400;
    List<String> warnings = new ArrayList<>();
    try (PushgatewayPusher p =
        new PushgatewayPusher(url(), PushgatewayPusher.groupingKey("evalnas", "toy", "i"), () -> "x 1\n", warnings::add)) {
      assertThat(p.push()).isFalse();
      assertThat(p.push()).isFalse();
      status = 200;
      assertThat(p.push()).isTrue();
      status = 500;
      assertThat(p.push()).isFalse();
    }
    assertThat(warnings).hasSize(2);
    assertThat(warnings.get(0)).contains("cannot push to the Pushgateway at http://127.0.0.1:").contains("HTTP 400");
  }
}
