package org.evalnas.api.space;

import org.evalnas.api.plugin.NamedProvider;
import org.evalnas.api.plugin.PluginContext;

/**
 * Makes a {@link SearchSpace} from its config section ({@code space.<name>}).
 */
public interface SearchSpaceProvider extends NamedProvider {

  /** Builds the space. */
  SearchSpace create(PluginContext context);
}
