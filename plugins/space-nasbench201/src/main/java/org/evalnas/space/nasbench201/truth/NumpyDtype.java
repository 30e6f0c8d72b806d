package org.evalnas.space.nasbench201.truth;

import net.razorvine.pickle.PickleException;

/**
 * A numpy {@code dtype} as pickled: built from its type code (e.g. {@code f8}) and given its
 * byte order by {@code __setstate__}. Public only because the unpickler finds
 * {@code __setstate__} by reflection; not part of the plugin's API.
 */
public final class NumpyDtype {
  private final String type;
  private char byteOrder = '=';

  private NumpyDtype(String type) {
    this.type = type;
  }

  static Object of(Object[] args) {
    if (args.length < 1 || !(args[0] instanceof String type)) {
      throw new PickleException("unexpected arguments for a numpy dtype");
    }
    return new NumpyDtype(type);
  }

  /**
   * Called by the unpickler with numpy's dtype state tuple, whose second item is the byte
   * order ({@code <}, {@code >}, {@code |} or {@code =}).
   */
  public void __setstate__(Object[] state) { // NOPMD: the name is the pickle protocol's
    if (state.length > 1 && state[1] instanceof String order && order.length() == 1) {
      byteOrder = order.charAt(0);
    }
  }

  String type() {
    return type;
  }

  /** Whether the data is big-endian; native order means little-endian on every NATS host. */
  boolean bigEndian() {
    return byteOrder == '>';
  }
}
