package org.evalnas.runtime.plugin;

import java.util.Optional;
import org.evalnas.api.plugin.NamedProvider;

/**
 * A discovered provider and where it came from.
 *
 * @param kind its kind
 * @param provider the provider
 * @param plugin the plugin jar that holds it, or empty for the host classpath
 */
public record ProviderEntry(ProviderKind kind, NamedProvider provider, Optional<PluginInfo> plugin) {

  /** The provider's name. */
  public String name() {
    return provider.name();
  }

  /** The plugin id, or {@code classpath}. */
  public String origin() {
    return plugin.map(PluginInfo::id).orElse("classpath");
  }
}
