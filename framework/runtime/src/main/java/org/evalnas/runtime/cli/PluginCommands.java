package org.evalnas.runtime.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.evalnas.api.command.CommandProvider;
import org.evalnas.runtime.plugin.PluginRegistry;
import org.evalnas.runtime.plugin.ProviderKind;

/**
 * Subcommands contributed by plugins ({@code evalnas nasbench101 hash}). The host knows them
 * only after loading the plugins, so it looks at the first word before picocli parses.
 */
final class PluginCommands {
  private static final Set<String> BUILT_IN =
      Set.of("run", "validate", "report", "plugins", "run-cell", "status", "cancel", "help", "-h", "--help", "-V", "--version");

  private PluginCommands() {}

  /**
   * The plugin command an argument list names, with the plugins directory given by
   * {@code --plugins} before it, if any.
   */
  static Optional<Invocation> find(String[] args, PrintWriter err) {
    Path plugins = null;
    boolean debug = false;
    int i = 0;
    while (i < args.length && args[i].startsWith("-")) {
      if (args[i].equals("--plugins") && i + 1 < args.length) {
        plugins = Path.of(args[++i]);
      } else if (args[i].startsWith("--plugins=")) {
        plugins = Path.of(args[i].substring("--plugins=".length()));
      } else if (args[i].equals("--debug")) {
        debug = true;
      } else {
        return Optional.empty();
      }
      i++;
    }
    if (i >= args.length || BUILT_IN.contains(args[i])) {
      return Optional.empty();
    }
    EvalnasCommand root = new EvalnasCommand();
    root.pluginsDir = plugins;
    PluginRegistry registry = root.registry(err);
    String name = args[i];
    List<String> rest = Arrays.asList(args).subList(i + 1, args.length);
    boolean debugFlag = debug;
    return registry
        .find(ProviderKind.COMMAND, name)
        .map(e -> new Invocation((CommandProvider) e.provider(), rest, debugFlag));
  }

  /** A plugin command and its arguments. */
  record Invocation(CommandProvider command, List<String> args, boolean debug) {}
}
