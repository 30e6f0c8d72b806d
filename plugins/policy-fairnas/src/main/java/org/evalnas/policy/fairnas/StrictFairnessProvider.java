package org.evalnas.policy.fairnas;

import org.evalnas.api.plugin.PluginContext;
import org.evalnas.api.policy.SearchPolicy;
import org.evalnas.api.policy.SearchPolicyProvider;
import org.evalnas.nn.search.SharedWeightChoice;
import org.pf4j.Extension;

/** Provides {@link StrictFairness} as {@code fairnas} (section {@code policy.fairnas}). */
@Extension
public final class StrictFairnessProvider implements SearchPolicyProvider {

  /** The name a config picks the policy by. */
  public static final String NAME = "fairnas";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "FairNAS (Chu et al. 2021): strict fairness, every operation once per step, best shared-weight score";
  }

  @Override
  public SearchPolicy create(PluginContext context) {
    return new StrictFairness(SharedWeightChoice.poolSize(context));
  }
}
