package org.evalnas.runtime.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.evalnas.runtime.plugin.PluginInfo;
import org.evalnas.runtime.plugin.PluginRegistry;
import org.evalnas.runtime.plugin.ProviderEntry;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code evalnas plugins}: every plugin jar and every extension, with where it comes from. */
@Command(name = "plugins", description = "List plugins (id, version, jar) and their extensions (kind, name).")
final class PluginsCommand implements Callable<Integer> {
  @ParentCommand EvalnasCommand root;

  @Override
  public Integer call() {
    PluginRegistry registry = root.registry();
    PrintWriter out = root.spec.commandLine().getOut();
    for (PluginInfo p : registry.plugins()) {
      out.printf("%s %s  %s%n", p.id(), p.version(), p.jar());
      print(out, registry, p.id());
    }
    boolean hostHeader = false;
    for (ProviderEntry e : registry.providers()) {
      if (e.plugin().isEmpty()) {
        if (!hostHeader) {
          out.println("(host classpath)");
          hostHeader = true;
        }
        out.printf("  %-13s %-24s %s%n", e.kind().label(), e.name(), e.provider().description());
      }
    }
    return ExitCode.OK; // skipped jars were reported as warnings; the listing itself worked
  }

  private static void print(PrintWriter out, PluginRegistry registry, String pluginId) {
    for (ProviderEntry e : registry.providers()) {
      if (e.plugin().map(PluginInfo::id).filter(pluginId::equals).isPresent()) {
        out.printf("  %-13s %-24s %s%n", e.kind().label(), e.name(), e.provider().description());
      }
    }
  }
}
