package org.evalnas.policy.evolution;

import org.evalnas.api.plugin.PluginContext;
import org.evalnas.api.policy.SearchPolicy;
import org.evalnas.api.policy.SearchPolicyProvider;
import org.pf4j.Extension;

/**
 * Provides {@link RegularizedEvolution} as {@code regularized-evolution}, configured by the
 * section {@code policy.regularized-evolution} ({@code population}, {@code sample-size}).
 */
@Extension
public final class RegularizedEvolutionProvider implements SearchPolicyProvider {

  /** The name a config picks the policy by. */
  public static final String NAME = "regularized-evolution";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "regularized (aging) evolution, Real et al. 2019: tournament, one-decision mutation";
  }

  /** @throws org.evalnas.api.InputException when a setting is invalid, naming its key */
  @Override
  public SearchPolicy create(PluginContext context) {
    return new RegularizedEvolution(EvolutionSettings.from(context));
  }
}
