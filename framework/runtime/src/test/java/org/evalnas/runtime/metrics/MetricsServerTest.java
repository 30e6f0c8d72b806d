package org.evalnas.runtime.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.Counter;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The scrape endpoint: what it serves, the free-port fallback, and loopback only. */
class MetricsServerTest {
  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final HttpClient http = HttpClient.newHttpClient();

  private HttpResponse<String> get(URI uri, String method) throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(uri).method(method, HttpRequest.BodyPublishers.noBody()).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void servesTheRegistryInTheTextFormat() throws Exception {
    Counter.builder("evalnas.cells.finished").tags("experiment", "e", "space", "s", "policy", "p").register(registry).increment(3);
    try (MetricsServer server = MetricsServer.start(registry, "127.0.0.1", 0)) {
      assertThat(server.uri().toString()).matches("http://127\\.0\\.0\\.1:\\d+/metrics");
      HttpResponse<String> r = get(server.uri(), "GET");
      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(r.headers().firstValue("Content-Type")).contains(MetricsServer.CONTENT_TYPE);
      assertThat(Samples.parse(r.body()).value("evalnas_cells_finished_total", Map.of("policy", "p"))).isEqualTo(3);
      assertThat(get(server.uri(), "HEAD").statusCode()).isEqualTo(200);
      assertThat(get(server.uri(), "POST").statusCode()).isEqualTo(405);
      assertThat(get(server.uri().resolve("/other"), "GET").statusCode()).isEqualTo(404);
      assertThat(get(server.uri().resolve("/"), "GET").body()).contains("/metrics");
    }
  }

  @Test
  void aTakenPortFallsBackToAFreeOne() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        MetricsServer server = MetricsServer.start(registry, "127.0.0.1", taken.getLocalPort())) {
      assertThat(server.address().getPort()).isNotEqualTo(taken.getLocalPort()).isPositive();
      assertThat(get(server.uri(), "GET").statusCode()).isEqualTo(200);
    }
  }

  @Test
  void itIsReachableOnLoopbackOnly() throws Exception {
    try (MetricsServer server = MetricsServer.start(registry, "127.0.0.1", 0)) {
      int port = server.address().getPort();
      assertThat(server.address().getAddress().isLoopbackAddress()).isTrue();
      List<InetAddress> others =
          NetworkInterface.networkInterfaces()
              .flatMap(NetworkInterface::inetAddresses)
              .filter(a -> a instanceof Inet4Address && !a.isLoopbackAddress())
              .toList();
      // where this machine has a non-loopback address (CI and the dev machine do), connect to it
      for (InetAddress a : others) {
        assertThatThrownBy(
                () -> {
                  try (Socket s = new Socket()) {
                    s.connect(new InetSocketAddress(a, port), 2000);
                  }
                })
            .as("connecting to the endpoint via %s", a)
            .isInstanceOf(ConnectException.class);
      }
      try (Socket s = new Socket()) {
        s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 2000);
        assertThat(s.isConnected()).isTrue();
      }
    }
  }

  @Test
  void closingStopsServing() throws Exception {
    MetricsServer server = MetricsServer.start(registry, "127.0.0.1", 0);
    URI uri = server.uri();
    server.close();
    assertThatThrownBy(() -> get(uri, "GET")).isInstanceOf(ConnectException.class);
  }
}
