package org.evalnas.api.truth;

import org.evalnas.api.plugin.NamedProvider;
import org.evalnas.api.plugin.PluginContext;
import org.evalnas.api.space.SearchSpace;

/**
 * Opens a {@link GroundTruth} for a space from its config section
 * ({@code ground-truth.<name>}).
 */
public interface GroundTruthProvider extends NamedProvider {

  /** The name of the space this benchmark belongs to. */
  String space();

  /**
   * Loads the benchmark.
   *
   * @throws org.evalnas.api.InputException when the data is missing or malformed, naming the
   *     file and the place, and saying how to get the data when it is absent
   */
  GroundTruth open(SearchSpace space, PluginContext context);
}
