/**
 * Metrics of running experiments through Micrometer: what a run, its cells, training and
 * ranking evaluation report ({@link org.evalnas.runtime.metrics.RunMetricsListener},
 * {@link org.evalnas.runtime.metrics.TrainingMetrics},
 * {@link org.evalnas.runtime.metrics.RankingMetricsSink}), and how they leave the process: a
 * Prometheus scrape endpoint on loopback ({@link org.evalnas.runtime.metrics.MetricsServer}) and
 * a Pushgateway for batch jobs ({@link org.evalnas.runtime.metrics.PushgatewayPusher}).
 *
 * <p>Producers record into a plain {@link io.micrometer.core.instrument.MeterRegistry} and never
 * know the backend; only {@link org.evalnas.runtime.metrics.RunMetrics} and
 * {@link org.evalnas.runtime.metrics.ProcessMetrics} know it is Prometheus. Every meter is
 * listed in {@link org.evalnas.runtime.metrics.MetricCatalog} (and the README's metrics
 * catalog). Labels are bounded: experiment, space, policy, seed, and a few fixed values
 * (split, k) — never an architecture id.
 */
package org.evalnas.runtime.metrics;
