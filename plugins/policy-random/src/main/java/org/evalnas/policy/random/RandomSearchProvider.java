package org.evalnas.policy.random;

import org.evalnas.api.plugin.PluginContext;
import org.evalnas.api.policy.SearchPolicy;
import org.evalnas.api.policy.SearchPolicyProvider;
import org.pf4j.Extension;

/** Provides {@link RandomSearch} as {@code random-search} (section {@code policy.random-search}). */
@Extension
public final class RandomSearchProvider implements SearchPolicyProvider {

  /** The name a config picks the policy by. */
  public static final String NAME = "random-search";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "random search: uniform over unique architectures, the best of the budget chosen";
  }

  @Override
  public SearchPolicy create(PluginContext context) {
    return new RandomSearch();
  }
}
