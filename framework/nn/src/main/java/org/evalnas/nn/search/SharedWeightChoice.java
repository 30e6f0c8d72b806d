package org.evalnas.nn.search;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import com.typesafe.config.ConfigException;
import org.evalnas.api.InputException;
import org.evalnas.api.plugin.PluginContext;
import org.evalnas.api.policy.Score;
import org.evalnas.api.policy.SearchOutcome;
import org.evalnas.api.space.Architecture;
import org.evalnas.api.space.SearchSpace;

/** How weight-sharing policies choose: the best shared-weight score in an evaluation pool. */
public final class SharedWeightChoice {
  private SharedWeightChoice() {}

  /**
   * {@code size} distinct architectures drawn uniformly over the unique architectures of the
   * space with the context's generator; the whole space (in its order) when {@code size} is 0
   * or not below the space's unique size.
   */
  public static List<Architecture> uniformPool(WeightSharingContext context, int size) {
    SearchSpace space = context.space();
    long unique = space.uniqueSize().orElse(Long.MAX_VALUE);
    Map<String, Architecture> byId = new LinkedHashMap<>();
    if ((size == 0 || size >= unique) && space.size().isPresent()) {
      space.enumerate().forEach(a -> byId.putIfAbsent(a.id(), a));
    } else {
      int n = size == 0 ? 1000 : size;
      while (byId.size() < n) {
        Architecture a = space.sampleUniform(context.random());
        byId.putIfAbsent(a.id(), a);
      }
    }
    return new ArrayList<>(byId.values());
  }

  /** The config key of a policy's evaluation pool size. */
  public static final String POOL_SIZE = "pool-size";

  /**
   * A policy's {@value #POOL_SIZE} setting.
   *
   * @throws InputException naming the key when it is not a whole number >= 0
   */
  public static int poolSize(PluginContext context) {
    String where = "key " + context.configPath() + "." + POOL_SIZE;
    try {
      int size = context.config().getInt(POOL_SIZE);
      if (size < 0) {
        throw new InputException(null, where, "must be >= 0 (0 = the whole space), got " + size);
      }
      return size;
    } catch (ConfigException e) {
      throw new InputException(null, where, "expected a whole number: " + e.getMessage(), e);
    }
  }

  /** Scores every architecture of the pool with the shared weights and chooses the best. */
  public static SearchOutcome best(WeightSharingContext context, List<Architecture> pool) {
    List<Score> scores = new ArrayList<>(pool.size());
    for (Architecture a : pool) {
      scores.add(context.score(a));
    }
    return SearchOutcome.bestOf(scores);
  }
}
