package org.evalnas.runtime.cli;

import java.nio.file.Path;
import java.util.Optional;
import org.evalnas.runtime.plugin.PluginProblem;
import org.evalnas.runtime.plugin.PluginRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** The top command; its options hold for every subcommand. */
@Command(
    name = "evalnas",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Evaluates the search phase of neural architecture search.",
    subcommands = {RunCommand.class, ValidateCommand.class, ReportCommand.class, PluginsCommand.class,
      RunCellCommand.class, StatusCommand.class, CancelCommand.class})
public final class EvalnasCommand implements Runnable {

  @Spec CommandSpec spec;

  @Option(
      names = "--plugins",
      scope = picocli.CommandLine.ScopeType.INHERIT,
      description = "The plugins directory (default: the distribution's plugins/).")
  Path pluginsDir;

  @Option(
      names = "--debug",
      scope = picocli.CommandLine.ScopeType.INHERIT,
      description = "Print stack traces of errors.")
  boolean debug;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Loads the plugins and warns about jars that were skipped. */
  PluginRegistry registry() {
    return registry(spec.commandLine().getErr());
  }

  PluginRegistry registry(java.io.PrintWriter err) {
    Optional<Path> dir =
        Optional.ofNullable(pluginsDir)
            .or(() -> Optional.ofNullable(System.getProperty("evalnas.plugins")).map(Path::of));
    PluginRegistry registry = PluginRegistry.load(dir);
    for (PluginProblem p : registry.problems()) {
      err.println("warning: " + p.describe());
    }
    return registry;
  }
}
