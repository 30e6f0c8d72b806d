package org.evalnas.testkit.fake;

import org.evalnas.api.plugin.PluginContext;
import org.evalnas.api.space.SearchSpace;
import org.evalnas.api.space.SearchSpaceProvider;
import org.pf4j.Extension;

/**
 * Provides the {@linkplain FakeSearchSpace#standard() standard fake space} as {@code fake}
 * (config section {@code space.fake}, which has no settings), so that the runtime's tests can
 * run whole experiments without benchmark data.
 */
@Extension
public final class FakeSearchSpaceProvider implements SearchSpaceProvider {

  @Override
  public String name() {
    return FakeSearchSpace.NAME;
  }

  @Override
  public String description() {
    return "a fake 4 x 3 space for tests: 81 encodings, 54 unique architectures";
  }

  @Override
  public SearchSpace create(PluginContext context) {
    return FakeSearchSpace.standard();
  }
}
