package org.evalnas.space.nasbench101;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import org.evalnas.api.InputException;
import org.evalnas.api.plugin.PluginContext;
import org.evalnas.api.space.SearchSpace;
import org.evalnas.api.space.SearchSpaceProvider;
import org.evalnas.space.nasbench101.enumerate.CellEnumerator;
import org.pf4j.Extension;

/**
 * Contributes the {@code nasbench101} space; its settings ({@code max-vertices}, {@code
 * encoding}) are documented in the plugin's {@code reference.conf}. Building it enumerates the
 * cells (about 5 s for 7 vertices).
 */
@Extension
public final class Nb101SpaceProvider implements SearchSpaceProvider {

  @Override
  public String name() {
    return Nb101Space.NAME;
  }

  @Override
  public String description() {
    return "NAS-Bench-101 cell: up to 7 vertices, 9 edges, 3 operations (423,624 unique cells)";
  }

  @Override
  public SearchSpace create(PluginContext context) {
    Config config = context.config();
    String section = context.configPath();
    int maxVertices;
    String encoding;
    try {
      maxVertices = config.getInt("max-vertices");
      encoding = config.getString("encoding");
    } catch (ConfigException e) {
      throw new InputException(null, "section " + section, e.getMessage(), e);
    }
    if (maxVertices < 2 || maxVertices > CellEnumerator.MAX_VERTICES) {
      throw new InputException(null, "key " + section + ".max-vertices",
          "must be 2.." + CellEnumerator.MAX_VERTICES + " (the benchmark has at most "
              + CellEnumerator.MAX_VERTICES + "), not " + maxVertices);
    }
    return switch (encoding) {
      case EdgeEncoding.NAME -> Nb101Space.withEdges(maxVertices);
      case OneParentEncoding.NAME -> Nb101Space.withOneParent(maxVertices);
      default -> throw new InputException(null, "key " + section + ".encoding",
          "must be '" + EdgeEncoding.NAME + "' or '" + OneParentEncoding.NAME + "', not '"
              + encoding + "'");
    };
  }
}
