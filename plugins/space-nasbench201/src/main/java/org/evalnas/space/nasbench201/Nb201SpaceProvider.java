package org.evalnas.space.nasbench201;

import org.evalnas.api.plugin.PluginContext;
import org.evalnas.api.space.SearchSpace;
import org.evalnas.api.space.SearchSpaceProvider;
import org.pf4j.Extension;

/** Contributes the {@code nasbench201} space; it has no settings. */
@Extension
public final class Nb201SpaceProvider implements SearchSpaceProvider {

  @Override
  public String name() {
    return Nb201Space.NAME;
  }

  @Override
  public String description() {
    return "NAS-Bench-201 cell: 6 edges x 5 operations, 15,625 cells (6,466 unique)";
  }

  @Override
  public SearchSpace create(PluginContext context) {
    return Nb201Space.create();
  }
}
