package org.evalnas.runtime.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigList;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigOrigin;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.evalnas.runtime.plugin.ProviderKind;

/**
 * Checks a whole config against the references and the available providers, and reports
 * every problem at once: unknown keys (with a "did you mean"), wrong types, missing required
 * keys and unknown provider names (with the available ones).
 *
 * <p>A key is known when some {@code reference.conf} defines it. A reference value of
 * {@code null} takes any type; under {@code experiment} it also means "required".
 */
public final class ConfigValidator {
  private final Function<ProviderKind, List<String>> available;

  /** @param available the provider names of each kind */
  public ConfigValidator(Function<ProviderKind, List<String>> available) {
    this.available = available;
  }

  /** Every problem of the config, in file order as far as the tree allows. */
  public List<ConfigProblem> validate(LoadedConfig loaded) {
    List<ConfigProblem> problems = new ArrayList<>();
    ConfigObject reference;
    try {
      reference = loaded.reference().resolve().root();
    } catch (ConfigException e) {
      // references may hold substitutions only the user's file satisfies
      reference = loaded.reference().root();
    }
    walk(loaded.config().root(), reference, "", problems);
    checkRequired(loaded.config(), loaded.file().toString(), problems);
    checkProviders(loaded.config(), problems);
    problems.sort(ConfigValidator::byLocation);
    return problems;
  }

  private void walk(ConfigObject actual, ConfigObject reference, String prefix, List<ConfigProblem> out) {
    for (Map.Entry<String, ConfigValue> e : actual.entrySet()) {
      String key = e.getKey();
      String path = prefix.isEmpty() ? quote(key) : prefix + "." + quote(key);
      ConfigValue value = e.getValue();
      if (!reference.containsKey(key)) {
        out.add(ConfigProblem.at(value.origin(), "unknown key " + path + suggestion(key, prefix, reference)));
        continue;
      }
      ConfigValue expected = reference.get(key);
      if (expected.valueType() == ConfigValueType.NULL) {
        continue;
      }
      if (expected.valueType() == ConfigValueType.OBJECT) {
        if (value.valueType() == ConfigValueType.OBJECT) {
          walk((ConfigObject) value, (ConfigObject) expected, path, out);
        } else {
          out.add(wrongType(path, value, "an object"));
        }
        continue;
      }
      typeMismatch(expected, value).ifPresent(want -> out.add(wrongType(path, value, want)));
    }
  }

  private static Optional<String> typeMismatch(ConfigValue expected, ConfigValue value) {
    ConfigValueType want = expected.valueType();
    ConfigValueType got = value.valueType();
    if (got == ConfigValueType.NULL) {
      return Optional.empty();
    }
    switch (want) {
      case NUMBER:
        if (got == ConfigValueType.NUMBER
            || (got == ConfigValueType.STRING && isNumber((String) value.unwrapped()))) {
          return Optional.empty();
        }
        return Optional.of("a number");
      case BOOLEAN:
        if (got == ConfigValueType.BOOLEAN
            || (got == ConfigValueType.STRING
                && List.of("true", "false", "yes", "no", "on", "off")
                    .contains(((String) value.unwrapped()).toLowerCase()))) {
          return Optional.empty();
        }
        return Optional.of("a boolean");
      case LIST:
        return got == ConfigValueType.LIST ? Optional.empty() : Optional.of("a list");
      case STRING:
        return got == ConfigValueType.LIST || got == ConfigValueType.OBJECT
            ? Optional.of("a string")
            : Optional.empty();
      default:
        return Optional.empty();
    }
  }

  private static boolean isNumber(String s) {
    try {
      Double.parseDouble(s.trim());
      return true;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private static ConfigProblem wrongType(String path, ConfigValue value, String want) {
    return ConfigProblem.at(
        value.origin(),
        "wrong type for "
            + path
            + ": expected "
            + want
            + ", got "
            + value.valueType().name().toLowerCase()
            + " "
            + value.render());
  }

  private static String suggestion(String key, String prefix, ConfigObject reference) {
    Optional<String> sibling = KeySuggester.closest(key, reference.keySet());
    if (sibling.isPresent()) {
      String p = prefix.isEmpty() ? sibling.get() : prefix + "." + sibling.get();
      return " (did you mean " + p + "?)";
    }
    List<String> known = new ArrayList<>(reference.keySet());
    known.sort(String::compareTo);
    return known.isEmpty() ? "" : " (known here: " + String.join(", ", known) + ")";
  }

  private static String quote(String key) {
    return key.matches("[A-Za-z0-9_-]+") ? key : "\"" + key + "\"";
  }

  private static void checkRequired(Config config, String file, List<ConfigProblem> out) {
    for (String key : List.of("experiment.name", "experiment.space")) {
      if (!config.hasPath(key)) {
        ConfigOrigin origin =
            config.hasPath("experiment") ? config.getValue("experiment").origin() : null;
        out.add(
            new ConfigProblem(
                origin != null && origin.filename() != null ? ConfigProblem.describe(origin) : file,
                "missing required key " + key));
      }
    }
  }

  private void checkProviders(Config config, List<ConfigProblem> out) {
    checkName(config, "experiment.space", ProviderKind.SPACE, out);
    checkName(config, "experiment.ground-truth", ProviderKind.GROUND_TRUTH, out);
    checkName(config, "experiment.evaluator", ProviderKind.EVALUATOR, out);
    checkName(config, "experiment.baseline.policy", ProviderKind.POLICY, out);
    if (config.hasPath("experiment.policies")
        && config.getValue("experiment.policies").valueType() == ConfigValueType.LIST) {
      ConfigList list = config.getList("experiment.policies");
      for (ConfigValue v : list) {
        if (v.valueType() != ConfigValueType.STRING) {
          out.add(ConfigProblem.at(v.origin(), "experiment.policies holds policy names, got " + v.render()));
        } else {
          checkName((String) v.unwrapped(), v.origin(), "experiment.policies", ProviderKind.POLICY, out);
        }
      }
    }
  }

  private void checkName(Config config, String key, ProviderKind kind, List<ConfigProblem> out) {
    // a name of the wrong type is already reported by the type check
    if (config.hasPath(key) && config.getValue(key).valueType() == ConfigValueType.STRING) {
      ConfigValue v = config.getValue(key);
      checkName((String) v.unwrapped(), v.origin(), key, kind, out);
    }
  }

  private void checkName(String name, ConfigOrigin origin, String key, ProviderKind kind, List<ConfigProblem> out) {
    List<String> names = available.apply(kind);
    if (!names.contains(name)) {
      String hint = KeySuggester.closest(name, names).map(n -> " (did you mean " + n + "?)").orElse("");
      out.add(
          ConfigProblem.at(
              origin,
              "unknown "
                  + kind.label()
                  + " '"
                  + name
                  + "' in "
                  + key
                  + hint
                  + "; available: "
                  + (names.isEmpty() ? "none (is the plugins directory right?)" : String.join(", ", names))));
    }
  }

  private static int byLocation(ConfigProblem a, ConfigProblem b) {
    String[] pa = a.where().split(":");
    String[] pb = b.where().split(":");
    int c = pa[0].compareTo(pb[0]);
    if (c != 0) {
      return c;
    }
    return Integer.compare(lineOf(pa), lineOf(pb));
  }

  private static int lineOf(String[] parts) {
    try {
      return parts.length > 1 ? Integer.parseInt(parts[parts.length - 1]) : 0;
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
