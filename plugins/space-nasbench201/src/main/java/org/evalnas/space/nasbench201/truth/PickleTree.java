package org.evalnas.space.nasbench201.truth;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.evalnas.api.InputException;

/**
 * Typed access into an unpickled object tree that says where it looked when the shape is
 * wrong: every accessor takes the Python-style path of the value (e.g.
 * {@code ['12'].all_results[('cifar10', 111)]}) for the message.
 */
final class PickleTree {
  private final Path file;

  PickleTree(Path file) {
    this.file = file;
  }

  Map<?, ?> map(Object value, String path) {
    if (value instanceof Map<?, ?> map) {
      return map;
    }
    throw wrong(path, "a dict", value);
  }

  List<?> list(Object value, String path) {
    if (value instanceof List<?> list) {
      return list;
    }
    throw wrong(path, "a list", value);
  }

  Object get(Map<?, ?> map, String key, String path) {
    if (!map.containsKey(key)) {
      throw new InputException(file, "key " + path + "['" + key + "']",
          "is missing (not a NATS-Bench topology record?)");
    }
    return map.get(key);
  }

  String string(Object value, String path) {
    if (value instanceof String s) {
      return s;
    }
    throw wrong(path, "a string", value);
  }

  double number(Object value, String path) {
    if (value instanceof Number n) {
      return n.doubleValue();
    }
    throw wrong(path, "a number", value);
  }

  int integer(Object value, String path) {
    if (value instanceof Integer || value instanceof Long) {
      return Math.toIntExact(((Number) value).longValue());
    }
    throw wrong(path, "an integer", value);
  }

  InputException fault(String path, String message) {
    return new InputException(file, "key " + path, message);
  }

  private InputException wrong(String path, String expected, Object value) {
    String actual = value == null ? "None" : value.getClass().getSimpleName();
    return fault(path, "should be " + expected + ", is " + actual);
  }
}
