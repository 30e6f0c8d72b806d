package org.evalnas.api.policy;

import org.evalnas.api.plugin.NamedProvider;
import org.evalnas.api.plugin.PluginContext;

/** Makes a {@link SearchPolicy} from its config section ({@code policy.<name>}). */
public interface SearchPolicyProvider extends NamedProvider {

  /** Builds the policy; one instance serves one cell. */
  SearchPolicy create(PluginContext context);
}
