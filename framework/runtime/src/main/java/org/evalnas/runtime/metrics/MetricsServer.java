package org.evalnas.runtime.metrics;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The Prometheus scrape endpoint: {@code GET /metrics} in the text exposition format, served by
 * the JDK's HTTP server on one daemon thread. It binds the configured address only (loopback by
 * default), so nothing outside the machine can reach it unless a config says so.
 */
public final class MetricsServer implements AutoCloseable {
  /** The Prometheus text format (0.0.4), which every Prometheus and Pushgateway reads. */
  public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

  private final HttpServer server;
  private final ExecutorService executor;

  private MetricsServer(HttpServer server, ExecutorService executor) {
    this.server = server;
    this.executor = executor;
  }

  /**
   * Starts serving {@code registry} on {@code host:port}; when that port is taken, on a free
   * port of the same address.
   *
   * @throws UncheckedIOException when the address cannot be bound at all
   */
  public static MetricsServer start(PrometheusMeterRegistry registry, String host, int port) {
    HttpServer server;
    try {
      InetAddress address = InetAddress.getByName(host);
      try {
        server = HttpServer.create(new InetSocketAddress(address, port), 0);
      } catch (BindException taken) {
        server = HttpServer.create(new InetSocketAddress(address, 0), 0);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot serve metrics on " + host + ":" + port + ": " + e.getMessage(), e);
    }
    server.createContext("/metrics", exchange -> scrape(exchange, registry));
    server.createContext("/", MetricsServer::index);
    ExecutorService executor =
        Executors.newSingleThreadExecutor(
            r -> {
              Thread t = new Thread(r, "evalnas-metrics-http");
              t.setDaemon(true);
              return t;
            });
    server.setExecutor(executor);
    server.start();
    return new MetricsServer(server, executor);
  }

  private static void scrape(HttpExchange exchange, PrometheusMeterRegistry registry) throws IOException {
    try (exchange) {
      if (!exchange.getRequestURI().getPath().equals("/metrics")) {
        send(exchange, 404, "text/plain; charset=utf-8", "not found\n".getBytes(StandardCharsets.UTF_8));
        return;
      }
      String method = exchange.getRequestMethod();
      if (!method.equals("GET") && !method.equals("HEAD")) {
        exchange.getResponseHeaders().set("Allow", "GET, HEAD");
        send(exchange, 405, "text/plain; charset=utf-8", new byte[0]);
        return;
      }
      byte[] body = registry.scrape(CONTENT_TYPE).getBytes(StandardCharsets.UTF_8);
      send(exchange, 200, CONTENT_TYPE, method.equals("HEAD") ? null : body);
    }
  }

  private static void index(HttpExchange exchange) throws IOException {
    try (exchange) {
      int code = exchange.getRequestURI().getPath().equals("/") ? 200 : 404;
      String text = code == 200 ? "evalnas: metrics are at /metrics\n" : "not found\n";
      send(exchange, code, "text/plain; charset=utf-8", text.getBytes(StandardCharsets.UTF_8));
    }
  }

  private static void send(HttpExchange exchange, int code, String type, byte[] body) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.sendResponseHeaders(code, body == null || body.length == 0 ? -1 : body.length);
    if (body != null && body.length > 0) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  /** The bound address and port. */
  public InetSocketAddress address() {
    return server.getAddress();
  }

  /** The URL to scrape, e.g. {@code http://127.0.0.1:9464/metrics}. */
  public URI uri() {
    InetAddress a = address().getAddress();
    String host = a instanceof Inet6Address ? "[" + a.getHostAddress() + "]" : a.getHostAddress();
    return URI.create("http://" + host + ":" + address().getPort() + "/metrics");
  }

  /** Stops serving at once. */
  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
