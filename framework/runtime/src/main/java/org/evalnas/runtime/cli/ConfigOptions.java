package org.evalnas.runtime.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.evalnas.runtime.config.ConfigProblem;
import org.evalnas.runtime.config.ConfigProblemsException;
import org.evalnas.runtime.config.ConfigValidator;
import org.evalnas.runtime.config.ExperimentConfigLoader;
import org.evalnas.runtime.config.LoadedConfig;
import org.evalnas.runtime.plugin.PluginRegistry;
import org.evalnas.runtime.plugin.ProviderEntry;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The experiment file and its overrides, shared by run and validate. */
final class ConfigOptions {

  @Parameters(index = "0", paramLabel = "FILE", description = "The experiment config (HOCON).")
  Path file;

  @Option(
      names = "--set",
      paramLabel = "KEY=VALUE",
      description = "Override a config key (HOCON value); repeatable, the last one wins.")
  List<String> sets = new ArrayList<>();

  /** Loads and validates, throwing every problem at once. */
  LoadedConfig loadValid(PluginRegistry registry) {
    LoadedConfig loaded = new ExperimentConfigLoader(registry.reference()).load(file, sets);
    List<ConfigProblem> problems =
        new ConfigValidator(
                kind -> registry.providers(kind).stream().map(ProviderEntry::name).sorted().toList())
            .validate(loaded);
    if (!problems.isEmpty()) {
      throw new ConfigProblemsException(problems);
    }
    return loaded;
  }
}
