package org.evalnas.nn.device;

import ai.djl.Device;
import ai.djl.engine.Engine;
import java.util.Locale;
import org.evalnas.api.InputException;

/**
 * The device a configuration asks for: {@code auto} (the first GPU when the engine sees one,
 * else the CPU), {@code cpu} or {@code gpu} (the first GPU; an error when there is none).
 */
public enum DeviceChoice {
  /** The first GPU the engine sees, else the CPU. */
  AUTO,
  /** The CPU, even when a GPU is present; CPU runs are reproducible bit for bit. */
  CPU,
  /** The first GPU; resolving fails when the engine sees none. */
  GPU;

  /**
   * Parses a config value, case-insensitively.
   *
   * @throws InputException naming the accepted values when {@code value} is none of them
   */
  public static DeviceChoice parse(String value) {
    try {
      return valueOf(value.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new InputException(
          null, null, "unknown device '" + value + "': use auto, cpu or gpu", e);
    }
  }

  /** Resolves against the default engine (loading it if needed). */
  public Device resolve() {
    return resolve(Engine.getInstance().getGpuCount());
  }

  /**
   * Resolves given how many GPUs the engine sees.
   *
   * @throws InputException for {@link #GPU} when {@code gpuCount} is 0
   */
  public Device resolve(int gpuCount) {
    return switch (this) {
      case CPU -> Device.cpu();
      case GPU -> {
        if (gpuCount < 1) {
          throw new InputException(
              null,
              null,
              "device gpu was asked for but the PyTorch engine sees no GPU: use device auto or"
                  + " cpu, or build with the cuda profile (mvn -Pcuda) on a machine with a CUDA"
                  + " 12.4 driver");
        }
        yield Device.gpu(0);
      }
      case AUTO -> gpuCount > 0 ? Device.gpu(0) : Device.cpu();
    };
  }

  /** The config spelling: {@code auto}, {@code cpu} or {@code gpu}. */
  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT);
  }
}
