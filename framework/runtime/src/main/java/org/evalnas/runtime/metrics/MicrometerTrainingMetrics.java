package org.evalnas.runtime.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import org.evalnas.runtime.metrics.MeterScope.Value;
import org.evalnas.runtime.protocol.CellKey;

/**
 * Records {@link TrainingMetrics} as the {@code evalnas_training_*} meters of the catalog, per
 * cell. {@link #close()} removes them.
 */
public final class MicrometerTrainingMetrics implements TrainingMetrics, AutoCloseable {
  private final MeterScope scope;
  private final ConcurrentMap<CellKey, CellMeters> cells = new ConcurrentHashMap<>();

  public MicrometerTrainingMetrics(MeterRegistry registry, String experiment, String space) {
    scope = new MeterScope(registry, experiment, space);
  }

  @Override
  public void stepFinished(CellKey cell, Step step) {
    CellMeters m = cell(cell);
    m.epoch.set(step.epoch());
    m.steps.increment();
    m.stepTime.record((long) (step.seconds() * 1e9), TimeUnit.NANOSECONDS);
    m.imagesPerSecond.set(step.seconds() > 0 ? step.images() / step.seconds() : Double.NaN);
    m.loss.set(step.loss());
    m.learningRate.set(step.learningRate());
  }

  @Override
  public void epochFinished(CellKey cell, Epoch epoch) {
    CellMeters m = cell(cell);
    m.epoch.set(epoch.epoch());
    m.trainAccuracy.set(epoch.trainAccuracy());
    m.validationAccuracy.set(epoch.validationAccuracy());
  }

  private CellMeters cell(CellKey cell) {
    CellMeters m = cells.get(cell);
    return m != null ? m : cells.computeIfAbsent(cell, c -> new CellMeters(scope, scope.cell(c)));
  }

  @Override
  public void close() {
    scope.close();
  }

  private static final class CellMeters {
    final Value epoch = new Value(Double.NaN);
    final Value imagesPerSecond = new Value(Double.NaN);
    final Value loss = new Value(Double.NaN);
    final Value learningRate = new Value(Double.NaN);
    final Value trainAccuracy = new Value(Double.NaN);
    final Value validationAccuracy = new Value(Double.NaN);
    final Value steps = new Value(0);
    final Timer stepTime;

    CellMeters(MeterScope scope, Tags tags) {
      scope.gauge(MetricCatalog.TRAINING_EPOCH, tags, epoch);
      scope.gauge(MetricCatalog.TRAINING_IMAGES_PER_SECOND, tags, imagesPerSecond);
      scope.gauge(MetricCatalog.TRAINING_LOSS, tags, loss);
      scope.gauge(MetricCatalog.TRAINING_LEARNING_RATE, tags, learningRate);
      scope.gauge(MetricCatalog.TRAINING_ACCURACY, tags.and("split", "train"), trainAccuracy);
      scope.gauge(MetricCatalog.TRAINING_ACCURACY, tags.and("split", "validation"), validationAccuracy);
      scope.counter(MetricCatalog.TRAINING_STEPS, tags, steps);
      stepTime = scope.timer(MetricCatalog.TRAINING_STEP, tags);
    }
  }
}
