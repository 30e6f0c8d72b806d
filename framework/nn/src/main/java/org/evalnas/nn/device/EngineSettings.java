package org.evalnas.nn.device;

/**
 * The system properties DJL's PyTorch engine reads once, when it loads; set them before the
 * first use of {@code Engine.getInstance()} (the host sets them on its command line).
 *
 * <ul>
 *   <li>{@value #OFFLINE} = {@code true}: DJL downloads nothing; the natives come from the
 *       {@code pytorch-native-cpu} (or {@code -cu124}) jar on the classpath and are extracted
 *       once into DJL's cache ({@code ~/.djl.ai}, or {@code DJL_CACHE_DIR}).
 *   <li>{@value #NUM_THREADS} and {@value #NUM_INTEROP_THREADS}: PyTorch's intra-op and
 *       inter-op thread pools. A CPU run is reproducible bit for bit for a fixed intra-op thread
 *       count; 1 is the safe choice when runs must match across machines.
 *   <li>{@value #GRAPH_OPTIMIZER} = {@code false}: no TorchScript graph optimizer (it only
 *       matters for traced models, and says so in the log otherwise).
 * </ul>
 *
 * <p>Do not set {@code PYTORCH_VERSION} or {@code PYTORCH_FLAVOR}: a value other than the
 * version of the native jar on the classpath makes DJL download another build.
 */
public final class EngineSettings {
  /** {@code ai.djl.offline}. */
  public static final String OFFLINE = "ai.djl.offline";
  /** {@code ai.djl.pytorch.num_threads}. */
  public static final String NUM_THREADS = "ai.djl.pytorch.num_threads";
  /** {@code ai.djl.pytorch.num_interop_threads}. */
  public static final String NUM_INTEROP_THREADS = "ai.djl.pytorch.num_interop_threads";
  /** {@code ai.djl.pytorch.graph_optimizer}. */
  public static final String GRAPH_OPTIMIZER = "ai.djl.pytorch.graph_optimizer";

  private EngineSettings() {}

  /**
   * Sets each property that is not set yet: offline, the given intra-op thread count, one
   * inter-op thread, no graph optimizer. Has no effect on an engine that is already loaded.
   *
   * @param threads intra-op threads, at least 1
   */
  public static void applyDefaults(int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1, was " + threads);
    }
    setIfAbsent(OFFLINE, "true");
    setIfAbsent(NUM_THREADS, Integer.toString(threads));
    setIfAbsent(NUM_INTEROP_THREADS, "1");
    setIfAbsent(GRAPH_OPTIMIZER, "false");
  }

  private static void setIfAbsent(String key, String value) {
    if (System.getProperty(key) == null) {
      System.setProperty(key, value);
    }
  }
}
