package org.evalnas.runtime.execution;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code execution.cpu-isa}: the most advanced x86 instruction set oneDNN, libtorch's CPU
 * convolution library, may use in the processes that train networks. oneDNN reads it from the
 * environment ({@value #ENVIRONMENT}) once per process, when it first runs a kernel, so a
 * process can only get it at its start: cells that train run in worker processes started with
 * it, and SLURM tasks are started with it.
 *
 * <p>Why: on an AVX-512 CPU, oneDNN's convolutions work on blocks of 16 channels, and a network
 * of 8 channels pays for twice the work; AVX2's blocks are 8 channels wide (README, "Training").
 * The instruction set changes the order of a convolution's additions, so it is part of what a
 * run's floats depend on.
 */
public final class CpuIsa {
  /** The environment variable oneDNN reads. */
  public static final String ENVIRONMENT = "ONEDNN_MAX_CPU_ISA";

  /** The values oneDNN 3 accepts, as it spells them. */
  public static final List<String> NAMES =
      List.of(
          "SSE41",
          "AVX",
          "AVX2",
          "AVX2_VNNI",
          "AVX2_VNNI_2",
          "AVX512_CORE",
          "AVX512_CORE_VNNI",
          "AVX512_CORE_BF16",
          "AVX10_1_512",
          "AVX10_1_512_AMX",
          "AVX10_1_512_AMX_FP16");

  private CpuIsa() {}

  /** oneDNN's spelling of {@code value}, or empty when it is not one of {@link #NAMES}. */
  public static Optional<String> canonical(String value) {
    String upper = value.trim().toUpperCase(Locale.ROOT);
    return NAMES.contains(upper) ? Optional.of(upper) : Optional.empty();
  }

  /**
   * Whether a process with {@code environment} already runs oneDNN capped at {@code isa}; a
   * cell that trains can then run in it.
   */
  public static boolean holds(Optional<String> isa, Map<String, String> environment) {
    return isa.isEmpty() || isa.get().equalsIgnoreCase(environment.getOrDefault(ENVIRONMENT, ""));
  }

  /** The environment a process that trains gets in addition to its parent's. */
  public static Map<String, String> environment(Optional<String> isa) {
    return isa.map(v -> Map.of(ENVIRONMENT, v)).orElse(Map.of());
  }
}
