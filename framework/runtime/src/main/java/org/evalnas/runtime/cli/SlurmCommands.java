package org.evalnas.runtime.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.evalnas.runtime.config.ExperimentSettings;
import org.evalnas.runtime.config.LoadedConfig;
import org.evalnas.runtime.execution.slurm.CommandLineSlurm;
import org.evalnas.runtime.execution.slurm.SlurmSettings;
import org.evalnas.runtime.execution.slurm.SlurmSubmitter;
import org.evalnas.runtime.plugin.PluginRegistry;

/** {@code evalnas run} with {@code execution.backend = slurm}: submits instead of running. */
final class SlurmCommands {
  private SlurmCommands() {}

  static int submit(
      EvalnasCommand root,
      PluginRegistry registry,
      LoadedConfig loaded,
      ExperimentSettings settings,
      Path out,
      boolean fresh,
      List<String> sets) {
    SlurmSettings slurm = SlurmSettings.from(loaded.config(), settings.cellPolicies(), settings.name());
    // only an explicit --plugins is passed on: a launcher finds its own plugins, and in a
    // container (execution.slurm.launcher) the host's path may not exist
    Optional<Path> plugins = Optional.ofNullable(root.pluginsDir);
    Optional<Path> home = Optional.ofNullable(System.getProperty("evalnas.home")).map(Path::of);
    new SlurmSubmitter(new CommandLineSlurm(slurm.commands()), Clock.systemUTC(), home)
        .submit(
            new SlurmSubmitter.Request(registry, loaded, settings, out, fresh, sets, plugins),
            root.spec.commandLine().getOut());
    return ExitCode.OK;
  }
}
