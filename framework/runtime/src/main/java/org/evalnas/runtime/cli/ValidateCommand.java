package org.evalnas.runtime.cli;

import java.util.concurrent.Callable;
import org.evalnas.runtime.config.ExperimentSettings;
import org.evalnas.runtime.weightsharing.WeightSharingSettings;
import org.evalnas.runtime.config.LoadedConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/** {@code evalnas validate FILE}: reports every problem of a config without running it. */
@Command(name = "validate", description = "Check an experiment config and report every problem.")
final class ValidateCommand implements Callable<Integer> {
  @ParentCommand EvalnasCommand root;
  @Mixin ConfigOptions config;

  @Override
  public Integer call() {
    LoadedConfig loaded = config.loadValid(root.registry());
    ExperimentSettings s = ExperimentSettings.from(loaded.config());
    // the ranges HOCON types do not say (epochs to evaluate, sizes); it is read the same way
    // when a run starts
    WeightSharingSettings.from(loaded.config(), loaded.file());
    root.spec.commandLine().getOut().printf(
        "%s: ok (%d seeds x %d policies + baseline, space %s)%n",
        loaded.file(), s.seeds().size(), s.policies().size(), s.space());
    return ExitCode.OK;
  }
}
