package org.evalnas.runtime.metrics;

import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmInfoMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/**
 * The process's one meter registry: Prometheus, with the JVM and process binders bound once.
 * Made on first use, never from a static initializer of another class; runs register and
 * remove their own meters in it.
 */
public final class ProcessMetrics {
  private static PrometheusMeterRegistry registry;
  // the GC binder listens to GC notifications for the life of the process
  private static JvmGcMetrics gc;

  private ProcessMetrics() {}

  /** The registry, made and bound on the first call. */
  public static synchronized PrometheusMeterRegistry registry() {
    if (registry == null) {
      PrometheusMeterRegistry r = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
      new ClassLoaderMetrics().bindTo(r);
      new JvmMemoryMetrics().bindTo(r);
      gc = new JvmGcMetrics();
      gc.bindTo(r);
      new JvmThreadMetrics().bindTo(r);
      new JvmInfoMetrics().bindTo(r);
      new ProcessorMetrics().bindTo(r);
      new UptimeMetrics().bindTo(r);
      new FileDescriptorMetrics().bindTo(r);
      registry = r;
    }
    return registry;
  }
}
