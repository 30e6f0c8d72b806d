package org.evalnas.runtime.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import org.evalnas.runtime.protocol.CellKey;

/**
 * The meters one producer registered for one run: each checked against its catalog entry's
 * labels, and removed together when the run's metrics close, so that a second run in the same
 * process starts from clean series.
 */
final class MeterScope implements AutoCloseable {
  private final MeterRegistry registry;
  private final Tags run;
  private final List<Meter> owned = new ArrayList<>();
  private final List<Value> values = new ArrayList<>();

  MeterScope(MeterRegistry registry, String experiment, String space) {
    this.registry = registry;
    this.run = Tags.of("experiment", experiment, "space", space);
  }

  Tags run() {
    return run;
  }

  Tags policy(String policy) {
    return run.and("policy", policy);
  }

  Tags cell(CellKey cell) {
    return run.and("policy", cell.policy(), "seed", Long.toString(cell.seed()));
  }

  Counter counter(MetricCatalog m, Tags tags) {
    check(m, MetricCatalog.Kind.COUNTER, tags);
    return own(Counter.builder(m.meterName()).description(m.help()).tags(tags).register(registry));
  }

  /** A counter one thread counts with {@link Value#increment()}: cheaper than a Counter. */
  FunctionCounter counter(MetricCatalog m, Tags tags, Value value) {
    check(m, MetricCatalog.Kind.COUNTER, tags);
    return own(
        FunctionCounter.builder(m.meterName(), keep(value), Value::get)
            .description(m.help())
            .tags(tags)
            .register(registry));
  }

  Gauge gauge(MetricCatalog m, Tags tags, Value value) {
    check(m, MetricCatalog.Kind.GAUGE, tags);
    return own(
        Gauge.builder(m.meterName(), value, Value::get)
            .description(m.help())
            .tags(tags)
            .strongReference(true)
            .register(registry));
  }

  Timer timer(MetricCatalog m, Tags tags) {
    check(m, MetricCatalog.Kind.TIMER, tags);
    return own(Timer.builder(m.meterName()).description(m.help()).tags(tags).register(registry));
  }

  /** The registry holds a function counter's object weakly; the scope holds it for the run. */
  private synchronized Value keep(Value value) {
    values.add(value);
    return value;
  }

  private synchronized <M extends Meter> M own(M meter) {
    owned.add(meter);
    return meter;
  }

  private static void check(MetricCatalog m, MetricCatalog.Kind kind, Tags tags) {
    List<String> keys = StreamSupport.stream(tags.spliterator(), false).map(Tag::getKey).sorted().toList();
    if (m.kind() != kind || !keys.equals(m.labels().stream().sorted().toList())) {
      throw new IllegalArgumentException(m + " is a " + m.kind() + " with labels " + m.labels() + ", not " + keys);
    }
  }

  /** Removes every meter of this scope from the registry. */
  @Override
  public synchronized void close() {
    owned.forEach(registry::remove);
    owned.clear();
    values.clear();
  }

  /**
   * A gauge's (or a function counter's) value: written by one thread, read by scrapes. Release
   * stores and acquire loads: a plain store on x86, so the hot path of a query stays cheap.
   */
  static final class Value {
    private static final VarHandle V;

    static {
      try {
        V = MethodHandles.lookup().findVarHandle(Value.class, "v", double.class);
      } catch (ReflectiveOperationException e) {
        throw new ExceptionInInitializerError(e);
      }
    }

    @SuppressWarnings("unused") // through V
    private double v;

    Value(double initial) {
      V.setRelease(this, initial);
    }

    double get() {
      return (double) V.getAcquire(this);
    }

    void set(double value) {
      V.setRelease(this, value);
    }

    /** Adds one; only the single writer may call it. */
    void increment() {
      V.setRelease(this, (double) V.getAcquire(this) + 1);
    }
  }
}
