package org.evalnas.runtime.metrics;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Optional;
import org.evalnas.runtime.protocol.RunListener;

/**
 * A run's metrics from start to end: the listener that records the run into the process
 * registry, the training and ranking producers for later stages, the scrape endpoint and the
 * Pushgateway pusher. The only place that wires producers to the backend.
 *
 * <p>Start it before the run, {@link #finish(Duration)} after it (final push, linger, delete),
 * and close it in every case.
 */
public final class RunMetrics implements AutoCloseable {
  private final MetricsSettings settings;
  private final RunMetricsListener listener;
  private final MicrometerTrainingMetrics training;
  private final MicrometerRankingMetrics ranking;
  private final Optional<MetricsServer> server;
  private final Optional<PushgatewayPusher> pusher;
  private boolean finished;

  private RunMetrics(
      MetricsSettings settings,
      RunMetricsListener listener,
      MicrometerTrainingMetrics training,
      MicrometerRankingMetrics ranking,
      Optional<MetricsServer> server,
      Optional<PushgatewayPusher> pusher) {
    this.settings = settings;
    this.listener = listener;
    this.training = training;
    this.ranking = ranking;
    this.server = server;
    this.pusher = pusher;
  }

  /**
   * Starts a run's metrics as {@code settings} say; prints the endpoint's address as
   * {@code metrics: http://127.0.0.1:PORT/metrics} to {@code out}.
   *
   * @param err where Pushgateway warnings go
   */
  public static RunMetrics start(
      MetricsSettings settings, String experiment, String space, PrintWriter out, PrintWriter err) {
    if (!settings.enabled()) {
      return new RunMetrics(settings, null, null, null, Optional.empty(), Optional.empty());
    }
    PrometheusMeterRegistry registry = ProcessMetrics.registry();
    RunMetricsListener listener = new RunMetricsListener(registry, experiment, space);
    MicrometerTrainingMetrics training = new MicrometerTrainingMetrics(registry, experiment, space);
    MicrometerRankingMetrics ranking = new MicrometerRankingMetrics(registry, experiment, space);
    Optional<MetricsServer> server = Optional.empty();
    Optional<PushgatewayPusher> pusher = Optional.empty();
    try {
      if (settings.serve()) {
        server = Optional.of(MetricsServer.start(registry, settings.host(), settings.port()));
        out.println("metrics: " + server.get().uri());
        out.flush();
      }
      if (settings.pushgateway().isPresent()) {
        PushgatewayPusher p =
            new PushgatewayPusher(
                settings.pushgateway().get(),
                PushgatewayPusher.groupingKey(
                    settings.job(), experiment, settings.instance().orElseGet(RunMetrics::defaultInstance)),
                () -> registry.scrape(MetricsServer.CONTENT_TYPE),
                message -> {
                  err.println("warning: " + message);
                  err.flush();
                });
        p.start(settings.pushInterval());
        pusher = Optional.of(p);
      }
    } catch (RuntimeException e) {
      server.ifPresent(MetricsServer::close);
      listener.close();
      training.close();
      ranking.close();
      throw e;
    }
    return new RunMetrics(settings, listener, training, ranking, server, pusher);
  }

  /** This host's name and the process id: distinct for every process of a batch job. */
  static String defaultInstance() {
    String host;
    try {
      host = InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      host = "localhost";
    }
    return host + "-" + ManagementFactory.getRuntimeMXBean().getPid();
  }

  /** What the run tells (NONE when metrics are off). */
  public RunListener listener() {
    return listener == null ? RunListener.NONE : listener;
  }

  /** Where training code reports (NONE when metrics are off). */
  public TrainingMetrics training() {
    return training == null ? TrainingMetrics.NONE : training;
  }

  /** Where ranking evaluation reports (NONE when metrics are off). */
  public RankingMetricsSink ranking() {
    return ranking == null ? RankingMetricsSink.NONE : ranking;
  }

  /** The scrape endpoint, if one is served. */
  public Optional<MetricsServer> server() {
    return server;
  }

  /**
   * The run is over: push its final values, keep the endpoint (and the pushed group) up for
   * {@code linger} so that a last scrape sees them, then delete the group if configured.
   * An interrupt cuts the linger short.
   */
  public void finish(Duration linger) {
    if (finished) {
      return;
    }
    finished = true;
    pusher.ifPresent(
        p -> {
          p.close();
          p.push();
        });
    if (!linger.isZero() && !linger.isNegative() && (server.isPresent() || pusher.isPresent())) {
      try {
        Thread.sleep(linger.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    if (settings.deleteOnFinish()) {
      pusher.ifPresent(PushgatewayPusher::delete);
    }
  }

  /** Stops serving and pushing and removes the run's meters from the process registry. */
  @Override
  public void close() {
    pusher.ifPresent(PushgatewayPusher::close);
    server.ifPresent(MetricsServer::close);
    if (listener != null) {
      listener.close();
      training.close();
      ranking.close();
    }
  }
}
