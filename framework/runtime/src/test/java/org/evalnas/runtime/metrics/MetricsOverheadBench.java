package org.evalnas.runtime.metrics;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.evalnas.runtime.config.ExperimentConfigLoader;
import org.evalnas.runtime.config.ExperimentSettings;
import org.evalnas.runtime.config.LoadedConfig;
import org.evalnas.runtime.plugin.PluginRegistry;
import org.evalnas.runtime.protocol.CellKey;
import org.evalnas.runtime.protocol.ExperimentRunner;
import org.evalnas.runtime.protocol.RunListener;
import org.evalnas.runtime.protocol.RunOutcome;

/**
 * What metrics cost a run: a repeated-timing benchmark (not a test), run as a main class; the
 * README's Benchmarks section has the command and the numbers. It times
 *
 * <ol>
 *   <li>one query's listener call, metrics on vs off, while a scraper reads the registry every
 *       second;
 *   <li>one training step's {@code stepFinished};
 *   <li>registering one cell's meters;
 *   <li>whole experiments on the fake benchmark (20 seeds x 2 cells x 2,000 queries), metrics on
 *       vs off, alternating, median of the repeats.
 * </ol>
 */
public final class MetricsOverheadBench {
  private MetricsOverheadBench() {}

  public static void main(String[] args) throws Exception {
    int repeats = args.length > 0 ? Integer.parseInt(args[0]) : 9;
    boolean verbose = args.length > 1 && args[1].equals("-v");
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    ScheduledExecutorService scraper = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "scraper");
      t.setDaemon(true);
      return t;
    });
    scraper.scheduleAtFixedRate(() -> registry.scrape(MetricsServer.CONTENT_TYPE), 1, 1, TimeUnit.SECONDS);

    System.out.println("1. per query (listener call alone), median of " + repeats + " x 2,000,000 calls");
    RunMetricsListener on = new RunMetricsListener(registry, "bench", "fake");
    double offNs = median(repeats, () -> perCall(RunListener.NONE, 2_000_000));
    double onNs = median(repeats, () -> perCall(on, 2_000_000));
    System.out.printf(Locale.ROOT, "   metrics off %.1f ns/query, on %.1f ns/query: +%.1f ns%n", offNs, onNs, onNs - offNs);

    System.out.println("2. per training step (stepFinished), median of " + repeats + " x 2,000,000 calls");
    MicrometerTrainingMetrics training = new MicrometerTrainingMetrics(registry, "bench", "fake");
    double stepNs = median(repeats, () -> perStep(training, 2_000_000));
    System.out.printf(Locale.ROOT, "   %.1f ns/step%n", stepNs);

    System.out.println("2b. per training step of a worker process (event line printed, parsed, dispatched), median of "
        + repeats + " x 200,000 steps");
    double workerNs = median(repeats, () -> perWorkerStep(training, 200_000));
    System.out.printf(Locale.ROOT, "   %.1f ns/step (of which %.1f ns the meters above)%n", workerNs, stepNs);

    System.out.println("3. per cell (its meters registered at cellStarted), median of " + repeats + " x 1,000 cells");
    double cellUs = median(repeats, () -> perCell(registry)) / 1000;
    System.out.printf(Locale.ROOT, "   %.1f us/cell%n", cellUs);

    System.out.println("4. whole runs on the fake benchmark, 80,000 queries each, median of " + repeats);
    Path dir = Files.createTempDirectory("evalnas-bench");
    double[] offRun = new double[repeats];
    double[] onRun = new double[repeats];
    for (int i = -2; i < repeats; i++) { // two warm-up rounds
      double a = run(dir, RunListener.NONE);
      RunMetricsListener l = new RunMetricsListener(registry, "bench-run", "fake");
      double b = run(dir, l);
      l.close();
      if (i >= 0) {
        offRun[i] = a;
        onRun[i] = b;
        if (verbose) {
          System.out.printf(Locale.ROOT, "   round %d: off %.1f ms, on %.1f ms%n", i, a, b);
        }
      }
    }
    Arrays.sort(offRun);
    Arrays.sort(onRun);
    double q = 80_000;
    double off = offRun[repeats / 2];
    double onMs = onRun[repeats / 2];
    System.out.printf(Locale.ROOT,
        "   metrics off %.1f ms (%.0f ns/query), on %.1f ms (%.0f ns/query): %+.1f%%%n",
        off, off * 1e6 / q, onMs, onMs * 1e6 / q, 100 * (onMs - off) / off);
    scraper.shutdownNow();
  }

  private interface Measure {
    double ns();
  }

  private static double median(int repeats, Measure m) {
    m.ns();
    m.ns(); // warm-up
    double[] v = new double[repeats];
    for (int i = 0; i < repeats; i++) {
      v[i] = m.ns();
    }
    Arrays.sort(v);
    return v[repeats / 2];
  }

  private static volatile double sink;

  private static double perCall(RunListener listener, int n) {
    CellKey[] cells = new CellKey[8];
    for (int c = 0; c < cells.length; c++) {
      cells[c] = new CellKey("policy-" + (c % 2), c);
    }
    long t0 = System.nanoTime();
    double acc = 0;
    for (int i = 0; i < n; i++) {
      double score = (i * 0x9E3779B9L & 0xffff) / 655.36;
      listener.onQuery(cells[i & 7], i, n, score, score + 1);
      acc += score;
    }
    long t1 = System.nanoTime();
    sink = acc;
    return (t1 - t0) / (double) n;
  }

  private static int benchRuns;

  private static double perCell(PrometheusMeterRegistry registry) {
    try (RunMetricsListener l = new RunMetricsListener(registry, "cells-" + benchRuns++, "fake")) {
      long t0 = System.nanoTime();
      for (int i = 0; i < 1000; i++) {
        l.cellStarted(new CellKey("policy-" + (i % 4), i));
      }
      return (System.nanoTime() - t0) / 1000.0;
    }
  }

  private static double perStep(TrainingMetrics training, int n) {
    CellKey cell = new CellKey("spos", 0);
    long t0 = System.nanoTime();
    for (int i = 0; i < n; i++) {
      training.stepFinished(cell, new TrainingMetrics.Step(i / 1000, 0.05, 64, 2.0 / (1 + i), 0.025));
    }
    return (System.nanoTime() - t0) / (double) n;
  }

  /** A worker's step: its event written as a line, the parent's read of it into the meters. */
  private static double perWorkerStep(TrainingMetrics training, int n) {
    CellKey cell = new CellKey("spos", 0);
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream(1 << 16);
    java.io.PrintStream out = new java.io.PrintStream(bytes, false, java.nio.charset.StandardCharsets.UTF_8);
    org.evalnas.runtime.execution.worker.WorkerEvents.Sinks worker =
        org.evalnas.runtime.execution.worker.WorkerEvents.writer(out);
    org.evalnas.runtime.execution.worker.WorkerEvents.Sinks parent =
        new org.evalnas.runtime.execution.worker.WorkerEvents.Sinks(RunListener.NONE, training, RankingMetricsSink.NONE);
    long t0 = System.nanoTime();
    for (int i = 0; i < n; i++) {
      bytes.reset();
      worker.training().stepFinished(cell, new TrainingMetrics.Step(i / 1000, 0.05, 64, 2.0 / (1 + i), 0.025));
      String line = bytes.toString(java.nio.charset.StandardCharsets.UTF_8).trim();
      org.evalnas.runtime.execution.worker.WorkerEvents.dispatch(line, cell, parent);
    }
    return (System.nanoTime() - t0) / (double) n;
  }

  private static double run(Path dir, RunListener listener) throws IOException {
    PluginRegistry registry = PluginRegistry.load(Optional.empty());
    Path file = dir.resolve("bench.conf");
    Files.writeString(
        file,
        "experiment { name = bench, space = fake, ground-truth = fake, seeds = 20\n"
            + "  policies = [test-random], baseline { policy = test-random, queries = 2000 }, budget.queries = 2000 }\n"
            + "execution.parallel = 1\noutput.trajectory = false\n");
    LoadedConfig loaded = new ExperimentConfigLoader(registry.reference()).load(file, List.of());
    ExperimentSettings settings = ExperimentSettings.from(loaded.config());
    long t0 = System.nanoTime();
    RunOutcome outcome =
        new ExperimentRunner(registry, loaded, settings, dir.resolve("out"), Clock.systemUTC()).run(true, listener);
    double ms = (System.nanoTime() - t0) / 1e6;
    if (!outcome.ok() || outcome.ran() != 40) {
      throw new IllegalStateException("bench run failed: " + outcome.failed());
    }
    return ms;
  }
}
