package org.evalnas.testkit.fake;

import com.typesafe.config.Config;
import org.evalnas.api.InputException;
import org.evalnas.api.plugin.PluginContext;
import org.evalnas.api.space.SearchSpace;
import org.evalnas.api.truth.GroundTruth;
import org.evalnas.api.truth.GroundTruthProvider;
import org.pf4j.Extension;

/**
 * Provides {@link FakeGroundTruth} as {@code fake} for the space {@code fake}. Reads {@code
 * search-metric} and {@code report-metric} from its section {@code ground-truth.fake}.
 */
@Extension
public final class FakeGroundTruthProvider implements GroundTruthProvider {

  @Override
  public String name() {
    return FakeSearchSpace.NAME;
  }

  @Override
  public String description() {
    return "deterministic accuracies of the fake space, computed from a formula";
  }

  @Override
  public String space() {
    return FakeSearchSpace.NAME;
  }

  @Override
  public GroundTruth open(SearchSpace space, PluginContext context) {
    Config config = context.config();
    return new FakeGroundTruth(
        space, metric(context, config, "search-metric"), metric(context, config, "report-metric"));
  }

  private static String metric(PluginContext context, Config config, String key) {
    String value = config.getString(key);
    if (!FakeGroundTruth.METRICS.contains(value)) {
      throw new InputException(
          null,
          "key " + context.configPath() + "." + key,
          "unknown metric '" + value + "', expected one of " + FakeGroundTruth.METRICS);
    }
    return value;
  }
}
