package org.evalnas.runtime.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.concurrent.Callable;
import org.evalnas.runtime.config.ExperimentSettings;
import org.evalnas.runtime.execution.CpuIsa;
import org.evalnas.runtime.execution.worker.WorkerCommand;
import org.evalnas.runtime.config.LoadedConfig;
import org.evalnas.runtime.execution.Backends;
import org.evalnas.runtime.metrics.MetricsSettings;
import org.evalnas.runtime.metrics.RunMetrics;
import org.evalnas.runtime.plugin.PluginRegistry;
import org.evalnas.runtime.protocol.CellKey;
import org.evalnas.runtime.protocol.ExperimentRunner;
import org.evalnas.runtime.protocol.RunListener;
import org.evalnas.runtime.protocol.RunListeners;
import org.evalnas.runtime.protocol.RunOutcome;
import org.evalnas.runtime.report.ExperimentSummary;
import org.evalnas.runtime.report.SummaryBuilder;
import org.evalnas.runtime.report.SummaryWriter;
import org.evalnas.runtime.report.html.HtmlReport;
import org.evalnas.runtime.report.html.WeightSharingResults;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code evalnas run FILE}: runs (or resumes) an experiment and writes its summary. */
@Command(name = "run", description = "Run an experiment; a rerun resumes, skipping finished cells.")
final class RunCommand implements Callable<Integer> {
  @ParentCommand EvalnasCommand root;
  @Mixin ConfigOptions config;

  @Option(names = "--output", paramLabel = "DIR", description = "Results directory (default: output.directory).")
  Path output;

  @Option(names = "--fresh", description = "Delete this experiment's earlier results and start over.")
  boolean fresh;

  @Option(
      names = "--progress",
      negatable = true,
      description = "Show a progress bar (default: when the terminal is interactive).")
  Boolean progress;

  @Option(
      names = "--metrics",
      negatable = true,
      description = "Serve Prometheus metrics and push to a Pushgateway as configured (default: metrics.enabled).")
  Boolean metrics;

  @Option(
      names = "--linger",
      paramLabel = "SECONDS",
      description = "Keep the metrics endpoint up this long after the run, for a final scrape (default: 0).")
  long linger;

  @Override
  public Integer call() {
    HtmlReport.warmUpInBackground();
    PluginRegistry registry = root.registry();
    LoadedConfig loaded = config.loadValid(registry);
    ExperimentSettings settings = ExperimentSettings.from(loaded.config());
    Path out = output != null ? output : settings.outputDirectory();
    if (loaded.config().getString("execution.backend").equals(Backends.SLURM)) {
      return SlurmCommands.submit(root, registry, loaded, settings, out, fresh, config.sets);
    }
    boolean bar = progress != null ? progress : System.console() != null;
    MetricsSettings metricsSettings = MetricsSettings.from(loaded.config());
    if (metrics != null) {
      metricsSettings = metricsSettings.withEnabled(metrics);
    }
    PrintWriter o = root.spec.commandLine().getOut();
    PrintWriter err = root.spec.commandLine().getErr();
    RunOutcome outcome;
    try (RunMetrics runMetrics = RunMetrics.start(metricsSettings, settings.name(), settings.space(), o, err)) {
      RunListener listener =
          RunListeners.all(List.of(bar ? new ProgressBarListener() : RunListener.NONE, runMetrics.listener()));
      WorkerCommand workers =
          new WorkerCommand(
              config.file.toAbsolutePath(),
              config.sets,
              Optional.ofNullable(root.pluginsDir),
              CpuIsa.environment(settings.cpuIsa()));
      outcome =
          new ExperimentRunner(registry, loaded, settings, out, Clock.systemUTC())
              .withWorkers(workers)
              .run(fresh, listener, runMetrics.training(), runMetrics.ranking());
      if (!outcome.results().isEmpty()) {
        ExperimentSummary summary = SummaryBuilder.summarize(outcome.results(), SummaryBuilder.failures(out));
        SummaryWriter.write(summary, out);
        HtmlReport.write(summary, outcome.results(), WeightSharingResults.from(outcome.results()), out);
      }
      o.printf(
          "%d cells run, %d resumed, %d failed%nreport: %s%n",
          outcome.ran(), outcome.resumed(), outcome.failed().size(), out.resolve("report.md"));
      for (Map.Entry<CellKey, String> f : outcome.failed().entrySet()) {
        err.printf("failed: %s seed %d: %s%n", f.getKey().policy(), f.getKey().seed(), f.getValue());
      }
      o.flush();
      err.flush();
      runMetrics.finish(Duration.ofSeconds(Math.max(0, linger)));
    }
    return outcome.ok() ? ExitCode.OK : ExitCode.RUN_FAILED;
  }
}
