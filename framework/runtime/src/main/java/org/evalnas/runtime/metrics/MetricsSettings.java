package org.evalnas.runtime.metrics;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.evalnas.runtime.config.ConfigProblem;
import org.evalnas.runtime.config.ConfigProblemsException;

/**
 * The {@code metrics} section of a config, typed; the defaults live in the runtime's
 * reference.conf only.
 *
 * @param enabled metrics for this run at all (the scrape endpoint and the Pushgateway)
 * @param serve serve {@code /metrics} while the run lasts
 * @param host the address the endpoint binds (loopback unless configured otherwise)
 * @param port its port; a free one is picked when it is taken, 0 picks one always
 * @param pushgateway where to push, if anywhere
 * @param pushInterval how often to push while the run lasts
 * @param deleteOnFinish delete the run's group from the Pushgateway when the run ends
 * @param job the Pushgateway job name
 * @param instance the Pushgateway grouping key's instance, if configured (else host and pid)
 */
public record MetricsSettings(
    boolean enabled,
    boolean serve,
    String host,
    int port,
    Optional<URI> pushgateway,
    Duration pushInterval,
    boolean deleteOnFinish,
    String job,
    Optional<String> instance) {

  /**
   * Reads {@code metrics.*} of a validated config.
   *
   * @throws ConfigProblemsException naming each value that is out of range
   */
  public static MetricsSettings from(Config c) {
    List<ConfigProblem> problems = new ArrayList<>();
    int port = c.getInt("metrics.port");
    if (port < 0 || port > 65535) {
      problems.add(ConfigProblem.at(c.getValue("metrics.port").origin(), "metrics.port must be 0..65535, got " + port));
    }
    Optional<URI> url = Optional.empty();
    if (!c.getIsNull("metrics.pushgateway.url")) {
      String s = c.getString("metrics.pushgateway.url");
      try {
        URI u = new URI(s.endsWith("/") ? s.substring(0, s.length() - 1) : s);
        if (!("http".equals(u.getScheme()) || "https".equals(u.getScheme())) || u.getHost() == null) {
          throw new URISyntaxException(s, "not an http(s) URL with a host");
        }
        url = Optional.of(u);
      } catch (URISyntaxException e) {
        problems.add(ConfigProblem.at(c.getValue("metrics.pushgateway.url").origin(),
            "metrics.pushgateway.url: " + e.getMessage()));
      }
    }
    Duration interval = Duration.ofSeconds(15);
    try {
      interval = c.getDuration("metrics.pushgateway.interval");
      if (interval.isNegative() || interval.isZero()) {
        problems.add(ConfigProblem.at(c.getValue("metrics.pushgateway.interval").origin(),
            "metrics.pushgateway.interval must be positive"));
      }
    } catch (ConfigException.BadValue e) {
      problems.add(ConfigProblem.at(c.getValue("metrics.pushgateway.interval").origin(),
          "metrics.pushgateway.interval must be a duration such as 15s"));
    }
    if (!problems.isEmpty()) {
      throw new ConfigProblemsException(problems);
    }
    return new MetricsSettings(
        c.getBoolean("metrics.enabled"),
        c.getBoolean("metrics.serve"),
        c.getString("metrics.host"),
        port,
        url,
        interval,
        c.getBoolean("metrics.pushgateway.delete-on-finish"),
        c.getString("metrics.pushgateway.job"),
        c.getIsNull("metrics.pushgateway.instance")
            ? Optional.empty()
            : Optional.of(c.getString("metrics.pushgateway.instance")));
  }

  /** These settings with metrics switched on or off (the command line's --[no-]metrics). */
  public MetricsSettings withEnabled(boolean on) {
    return new MetricsSettings(on, serve, host, port, pushgateway, pushInterval, deleteOnFinish, job, instance);
  }
}
