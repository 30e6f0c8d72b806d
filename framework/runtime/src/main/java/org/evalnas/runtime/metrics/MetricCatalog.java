package org.evalnas.runtime.metrics;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Every evalnas meter: its Micrometer name, its Prometheus name, kind, labels and meaning. The
 * README's metrics catalog and the Grafana dashboard are checked against this list.
 */
public enum MetricCatalog {
  RUNS_STARTED("evalnas.runs.started", Kind.COUNTER, "runs started", Labels.RUN),
  RUNS_FINISHED("evalnas.runs.finished", Kind.COUNTER, "runs that ended with every cell finished", Labels.RUN),
  RUNS_FAILED("evalnas.runs.failed", Kind.COUNTER, "runs that ended with at least one failed cell", Labels.RUN),
  RUN_CELLS("evalnas.run.cells", Kind.GAUGE, "cells of the current run, resumed ones included", Labels.RUN),
  CELLS_RESUMED("evalnas.cells.resumed", Kind.COUNTER, "cells an earlier run had finished (skipped)", Labels.RUN),
  CELLS_STARTED("evalnas.cells.started", Kind.COUNTER, "cells started", Labels.POLICY),
  CELLS_FINISHED("evalnas.cells.finished", Kind.COUNTER, "cells finished with a result", Labels.POLICY),
  CELLS_FAILED("evalnas.cells.failed", Kind.COUNTER, "cells that failed (see their error.txt)", Labels.POLICY),
  CELL_QUERIES_USED("evalnas.cell.queries.used", Kind.GAUGE, "queries the cell's search has made", Labels.CELL),
  CELL_QUERIES_BUDGET("evalnas.cell.queries.budget", Kind.GAUGE, "the cell's query budget", Labels.CELL),
  GROUND_TRUTH_QUERIES(
      "evalnas.ground.truth.queries", Kind.COUNTER, "queries answered from the ground truth", Labels.CELL),
  CELL_BEST_ACCURACY(
      "evalnas.cell.best.accuracy",
      Kind.GAUGE,
      "best report-metric (ground-truth) accuracy among the architectures queried so far",
      Labels.CELL),
  CELL_INCUMBENT_ACCURACY(
      "evalnas.cell.incumbent.accuracy",
      Kind.GAUGE,
      "report-metric accuracy of the query with the best search score so far (the policy's pick now)",
      Labels.CELL),
  TRAINING_EPOCH("evalnas.training.epoch", Kind.GAUGE, "current training epoch", Labels.CELL),
  TRAINING_STEPS("evalnas.training.steps", Kind.COUNTER, "training steps done", Labels.CELL),
  TRAINING_STEP("evalnas.training.step", Kind.TIMER, "duration of a training step", Labels.CELL),
  TRAINING_IMAGES_PER_SECOND(
      "evalnas.training.images.per.second", Kind.GAUGE, "training throughput of the last step", Labels.CELL),
  TRAINING_LOSS("evalnas.training.loss", Kind.GAUGE, "training loss of the last step", Labels.CELL),
  TRAINING_ACCURACY(
      "evalnas.training.accuracy",
      Kind.GAUGE,
      "accuracy (percent) at the last epoch, split = train or validation",
      Labels.CELL_SPLIT),
  TRAINING_LEARNING_RATE("evalnas.training.learning.rate", Kind.GAUGE, "learning rate of the last step", Labels.CELL),
  RANKING_EPOCH("evalnas.ranking.epoch", Kind.GAUGE, "epoch of the last ranking evaluation", Labels.CELL),
  RANKING_SAMPLE_SIZE(
      "evalnas.ranking.sample.size", Kind.GAUGE, "architectures in the ranking evaluation sample", Labels.CELL),
  RANKING_KENDALL_TAU(
      "evalnas.ranking.kendall.tau", Kind.GAUGE, "Kendall tau-b of supernet scores vs ground truth", Labels.CELL),
  RANKING_SPEARMAN_RHO("evalnas.ranking.spearman.rho", Kind.GAUGE, "Spearman rho, same comparison", Labels.CELL),
  RANKING_SPARSE_KENDALL_TAU(
      "evalnas.ranking.sparse.kendall.tau", Kind.GAUGE, "Kendall tau-b with the truth rounded", Labels.CELL),
  RANKING_TOP_KENDALL_TAU(
      "evalnas.ranking.top.kendall.tau", Kind.GAUGE, "Kendall tau-b inside the true top fraction", Labels.CELL),
  RANKING_PRECISION_AT_K("evalnas.ranking.precision.at.k", Kind.GAUGE, "precision@k, label k", Labels.CELL_K),
  RANKING_TRUE_RANK_OF_TOP(
      "evalnas.ranking.true.rank.of.top", Kind.GAUGE, "true rank (1 = best) of the supernet's top pick", Labels.CELL);

  /** How a meter is exposed. */
  public enum Kind {
    /** A monotonic count: Prometheus name ends in {@code _total}. */
    COUNTER,
    /** A current value. */
    GAUGE,
    /** Durations: Prometheus {@code _seconds_count}, {@code _seconds_sum}, {@code _seconds_max}. */
    TIMER
  }

  /** The label sets in use. */
  public static final class Labels {
    public static final List<String> RUN = List.of("experiment", "space");
    public static final List<String> POLICY = List.of("experiment", "space", "policy");
    public static final List<String> CELL = List.of("experiment", "space", "policy", "seed");
    public static final List<String> CELL_SPLIT = List.of("experiment", "space", "policy", "seed", "split");
    public static final List<String> CELL_K = List.of("experiment", "space", "policy", "seed", "k");

    private Labels() {}
  }

  /**
   * The JVM and process series the registry's binders produce and the dashboard may use (the
   * binders add more; see Micrometer's JvmMemoryMetrics, JvmGcMetrics, JvmThreadMetrics,
   * ClassLoaderMetrics, ProcessorMetrics, UptimeMetrics, FileDescriptorMetrics).
   */
  public static final List<String> JVM_SERIES =
      List.of(
          "jvm_memory_used_bytes",
          "jvm_memory_max_bytes",
          "jvm_threads_live_threads",
          "jvm_classes_loaded_classes",
          "process_cpu_usage",
          "system_cpu_usage",
          "process_uptime_seconds",
          "process_files_open_files");

  private final String name;
  private final Kind kind;
  private final String help;
  private final List<String> labels;

  MetricCatalog(String name, Kind kind, String help, List<String> labels) {
    this.name = name;
    this.kind = kind;
    this.help = help;
    this.labels = labels;
  }

  /** The Micrometer name (dotted). */
  public String meterName() {
    return name;
  }

  /** The name Prometheus shows. */
  public String prometheusName() {
    String base = name.replace('.', '_');
    return switch (kind) {
      case COUNTER -> base + "_total";
      case GAUGE -> base;
      case TIMER -> base + "_seconds";
    };
  }

  /** Every series name Prometheus shows for this meter. */
  public List<String> series() {
    String p = prometheusName();
    return kind == Kind.TIMER ? List.of(p + "_count", p + "_sum", p + "_max") : List.of(p);
  }

  public Kind kind() {
    return kind;
  }

  public String help() {
    return help;
  }

  public List<String> labels() {
    return labels;
  }

  /** Every series name of every evalnas meter plus {@link #JVM_SERIES}. */
  public static Set<String> allSeries() {
    Set<String> all = new TreeSet<>(JVM_SERIES);
    Arrays.stream(values()).forEach(m -> all.addAll(m.series()));
    return all;
  }
}
