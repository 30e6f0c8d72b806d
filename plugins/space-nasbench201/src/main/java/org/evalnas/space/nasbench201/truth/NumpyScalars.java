package org.evalnas.space.nasbench201.truth;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import net.razorvine.pickle.IObjectConstructor;
import net.razorvine.pickle.PickleException;
import net.razorvine.pickle.Unpickler;

/**
 * Lets the unpickler read the numpy scalars NATS-Bench stores (e.g. {@code params},
 * {@code latency}): {@code numpy.core.multiarray.scalar(dtype, raw bytes)} becomes a Java
 * {@link Double} or {@link Long}, and {@code collections.OrderedDict} a plain map.
 *
 * <p>The unpickler keeps its constructors in one static registry (there is no per-instance
 * hook), so they are registered once, here, for this plugin's shaded copy of the library.
 */
final class NumpyScalars {
  private NumpyScalars() {}

  private static final class Registration {
    static {
      IObjectConstructor scalar = NumpyScalars::scalar;
      // numpy 1.x pickles name numpy.core, numpy 2.x numpy._core
      Unpickler.registerConstructor("numpy.core.multiarray", "scalar", scalar);
      Unpickler.registerConstructor("numpy._core.multiarray", "scalar", scalar);
      Unpickler.registerConstructor("numpy", "dtype", NumpyDtype::of);
      Unpickler.registerConstructor(
          "collections", "OrderedDict", args -> new java.util.LinkedHashMap<Object, Object>());
    }

    static void ensure() {}
  }

  /** Registers the constructors (once). */
  static void register() {
    Registration.ensure();
  }

  private static Object scalar(Object[] args) {
    if (args.length != 2 || !(args[0] instanceof NumpyDtype dtype) || !(args[1] instanceof byte[] raw)) {
      throw new PickleException("unexpected arguments for a numpy scalar");
    }
    ByteBuffer buffer =
        ByteBuffer.wrap(raw)
            .order(dtype.bigEndian() ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
    String type = dtype.type();
    int size =
        switch (type) {
          case "f8", "i8" -> 8;
          case "f4", "i4" -> 4;
          default -> throw new PickleException("unsupported numpy scalar dtype " + type);
        };
    if (raw.length != size) {
      throw new PickleException("numpy scalar of dtype " + type + " has " + raw.length + " bytes");
    }
    return switch (type) {
      case "f8" -> buffer.getDouble();
      case "f4" -> (double) buffer.getFloat();
      case "i8" -> buffer.getLong();
      default -> (long) buffer.getInt();
    };
  }
}
