package org.evalnas.policy.spos;

import org.evalnas.api.plugin.PluginContext;
import org.evalnas.api.policy.SearchPolicy;
import org.evalnas.api.policy.SearchPolicyProvider;
import org.evalnas.nn.search.SharedWeightChoice;
import org.pf4j.Extension;

/** Provides {@link SinglePathOneShot} as {@code spos} (section {@code policy.spos}). */
@Extension
public final class SinglePathOneShotProvider implements SearchPolicyProvider {

  /** The name a config picks the policy by. */
  public static final String NAME = "spos";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "single-path one-shot (Guo et al. 2020): one uniform path per step, best shared-weight score";
  }

  @Override
  public SearchPolicy create(PluginContext context) {
    return new SinglePathOneShot(SharedWeightChoice.poolSize(context));
  }
}
