package org.evalnas.policy.random;

import org.evalnas.api.plugin.PluginContext;
import org.evalnas.api.policy.SearchPolicy;
import org.evalnas.api.policy.SearchPolicyProvider;
import org.evalnas.nn.search.SharedWeightChoice;
import org.pf4j.Extension;

/** Provides {@link RandomWeightSharing} as {@code ws-random} (section {@code policy.ws-random}). */
@Extension
public final class RandomWeightSharingProvider implements SearchPolicyProvider {

  /** The name a config picks the policy by. */
  public static final String NAME = "ws-random";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "random search with weight sharing (Li and Talwalkar 2019): per-decision uniform paths";
  }

  @Override
  public SearchPolicy create(PluginContext context) {
    return new RandomWeightSharing(SharedWeightChoice.poolSize(context));
  }
}
