package org.evalnas.runtime.metrics;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Pushes a registry's scrape to a Prometheus Pushgateway for batch runs: on an interval while
 * the run lasts and once at its end, each time replacing the run's group (HTTP PUT to
 * {@code /metrics/job/<job>/experiment/<e>/instance/<i>}), and deletes the group on request.
 * A push that fails is reported as a warning and never fails the run.
 */
public final class PushgatewayPusher implements AutoCloseable {
  private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9._~-]+");

  private final URI group;
  private final Supplier<String> body;
  private final Consumer<String> warn;
  private final HttpClient http;
  private final ScheduledExecutorService timer;
  private volatile boolean failing;

  /**
   * @param gateway the Pushgateway's base URL, e.g. {@code http://127.0.0.1:9091}
   * @param groupingKey label name to value, the first being {@code job}
   * @param body the exposition text to push (called on each push)
   * @param warn where failures go, once per streak of failures
   */
  public PushgatewayPusher(URI gateway, Map<String, String> groupingKey, Supplier<String> body, Consumer<String> warn) {
    if (groupingKey.isEmpty() || !groupingKey.keySet().iterator().next().equals("job")) {
      throw new IllegalArgumentException("a grouping key starts with job: " + groupingKey);
    }
    this.group = URI.create(gateway.toString().replaceAll("/+$", "") + "/metrics" + path(groupingKey));
    this.body = body;
    this.warn = warn;
    this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    this.timer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "evalnas-metrics-push");
              t.setDaemon(true);
              return t;
            });
  }

  /** The grouping key as the run's: job, experiment, instance. */
  public static Map<String, String> groupingKey(String job, String experiment, String instance) {
    Map<String, String> key = new LinkedHashMap<>();
    key.put("job", job);
    key.put("experiment", experiment);
    key.put("instance", instance);
    return key;
  }

  /** The URL of the group this pusher replaces. */
  public URI groupUri() {
    return group;
  }

  /** Pushes every {@code interval}, starting one interval from now. */
  public void start(Duration interval) {
    long ms = Math.max(1, interval.toMillis());
    timer.scheduleAtFixedRate(this::push, ms, ms, TimeUnit.MILLISECONDS);
  }

  /** Replaces the group with the current values now; false (and a warning) when it failed. */
  public synchronized boolean push() {
    HttpRequest request =
        HttpRequest.newBuilder(group)
            .timeout(Duration.ofSeconds(10))
            .header("Content-Type", MetricsServer.CONTENT_TYPE)
            .PUT(HttpRequest.BodyPublishers.ofString(body.get(), StandardCharsets.UTF_8))
            .build();
    return send(request, "push to");
  }

  /** Deletes the group; false (and a warning) when it failed. */
  public synchronized boolean delete() {
    return send(HttpRequest.newBuilder(group).timeout(Duration.ofSeconds(10)).DELETE().build(), "delete");
  }

  private boolean send(HttpRequest request, String what) {
    try {
      HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() / 100 != 2) {
        throw new IOException("HTTP " + r.statusCode() + " " + r.body().strip());
      }
      failing = false;
      return true;
    } catch (IOException e) {
      if (!failing) {
        warn.accept("cannot " + what + " the Pushgateway at " + group + ": " + e.getMessage());
      }
      failing = true;
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** Stops the interval pushes (a final push is the caller's). */
  @Override
  public void close() {
    timer.shutdownNow();
    try {
      timer.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The grouping key as URL path segments; values the URL cannot carry plainly in base64url. */
  static String path(Map<String, String> key) {
    StringBuilder sb = new StringBuilder();
    for (Map.Entry<String, String> e : key.entrySet()) {
      String v = e.getValue();
      if (PLAIN.matcher(v).matches()) {
        sb.append('/').append(e.getKey()).append('/').append(v);
      } else {
        String b64 = Base64.getUrlEncoder().encodeToString(v.getBytes(StandardCharsets.UTF_8));
        // the Pushgateway reads an empty value as "=" in base64
        sb.append('/').append(e.getKey()).append("@base64/").append(b64.isEmpty() ? "=" : b64);
      }
    }
    return sb.toString();
  }
}
