package org.evalnas.runtime.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.Callable;
import org.evalnas.runtime.config.ExperimentSettings;
import org.evalnas.runtime.config.LoadedConfig;
import org.evalnas.runtime.execution.Backends;
import org.evalnas.runtime.plugin.PluginRegistry;
import org.evalnas.runtime.protocol.CellKey;
import org.evalnas.runtime.protocol.ExperimentRunner;
import org.evalnas.runtime.protocol.RunListener;
import org.evalnas.runtime.protocol.RunOutcome;
import org.evalnas.runtime.report.SummaryBuilder;
import org.evalnas.runtime.report.SummaryWriter;
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

  @Override
  public Integer call() {
    PluginRegistry registry = root.registry();
    LoadedConfig loaded = config.loadValid(registry);
    ExperimentSettings settings = ExperimentSettings.from(loaded.config());
    Path out = output != null ? output : settings.outputDirectory();
    if (loaded.config().getString("execution.backend").equals(Backends.SLURM)) {
      return SlurmCommands.submit(root, registry, loaded, settings, out, fresh, config.sets);
    }
    boolean bar = progress != null ? progress : System.console() != null;
    RunListener listener = bar ? new ProgressBarListener() : RunListener.NONE;
    RunOutcome outcome =
        new ExperimentRunner(registry, loaded, settings, out, Clock.systemUTC()).run(fresh, listener);
    if (!outcome.results().isEmpty()) {
      SummaryWriter.write(SummaryBuilder.summarize(outcome.results(), SummaryBuilder.failures(out)), out);
    }
    PrintWriter o = root.spec.commandLine().getOut();
    o.printf(
        "%d cells run, %d resumed, %d failed%nreport: %s%n",
        outcome.ran(), outcome.resumed(), outcome.failed().size(), out.resolve("report.md"));
    PrintWriter err = root.spec.commandLine().getErr();
    for (Map.Entry<CellKey, String> f : outcome.failed().entrySet()) {
      err.printf("failed: %s seed %d: %s%n", f.getKey().policy(), f.getKey().seed(), f.getValue());
    }
    return outcome.ok() ? ExitCode.OK : ExitCode.RUN_FAILED;
  }
}
