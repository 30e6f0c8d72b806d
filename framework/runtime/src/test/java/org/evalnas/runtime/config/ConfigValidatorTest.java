package org.evalnas.runtime.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.evalnas.api.InputException;
import org.evalnas.runtime.plugin.ProviderKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigValidatorTest {
  @TempDir Path dir;

  private static final Config REFERENCE =
      ConfigFactory.parseResources(ConfigValidatorTest.class.getClassLoader(), "reference.conf")
          .withFallback(
              ConfigFactory.parseString(
                  "policy.regularized-evolution { population = 10, sample-size = 5 }\n"
                      + "policy.random-search {}\n"
                      + "ground-truth.toy { data = null, search-metric = valid }"));

  private static final Map<ProviderKind, List<String>> AVAILABLE =
      Map.of(
          ProviderKind.SPACE, List.of("nasbench201", "toy"),
          ProviderKind.GROUND_TRUTH, List.of("toy"),
          ProviderKind.POLICY, List.of("random-search", "regularized-evolution"),
          ProviderKind.EVALUATOR, List.of("ground-truth"));

  private List<ConfigProblem> validate(String hocon, String... sets) throws IOException {
    Path file = dir.resolve("exp.conf");
    Files.writeString(file, hocon);
    LoadedConfig loaded = new ExperimentConfigLoader(REFERENCE).load(file, List.of(sets));
    return new ConfigValidator(AVAILABLE::get).validate(loaded);
  }

  @Test
  void aGoodConfigHasNoProblems() throws IOException {
    assertThat(
            validate(
                "experiment { name = x, space = toy, ground-truth = toy\n"
                    + " policies = [random-search, regularized-evolution] }\n"
                    + "policy.regularized-evolution.population = 20\n"))
        .isEmpty();
  }

  @Test
  void reportsEveryProblemAtOnceWithFileAndLine() throws IOException {
    List<ConfigProblem> problems =
        validate(
            "experiment {\n"
                + "  name = x\n"
                + "  space = toy\n"
                + "  seds = 5\n"
                + "  budget { queries = many }\n"
                + "}\n"
                + "policy.regularized-evolution.populaton = 3\n");
    assertThat(problems).extracting(ConfigProblem::describe)
        .containsExactly(
            dir.resolve("exp.conf") + ":4: unknown key experiment.seds (did you mean experiment.seeds?)",
            dir.resolve("exp.conf")
                + ":5: wrong type for experiment.budget.queries: expected a number, got string \"many\"",
            dir.resolve("exp.conf")
                + ":7: unknown key policy.regularized-evolution.populaton"
                + " (did you mean policy.regularized-evolution.population?)");
  }

  @Test
  void unknownKeysWrongTypesAndUnknownPluginsTogether() throws IOException {
    List<ConfigProblem> problems =
        validate(
            "experiment {\n  name = x\n  space = toyy\n  seeds = many\n  policies = [random-search]\n"
                + "  evaluatr = ground-truth\n}\n");
    assertThat(problems).extracting(ConfigProblem::message)
        .containsExactly(
            "unknown space 'toyy' in experiment.space (did you mean toy?); available: nasbench201, toy",
            "wrong type for experiment.seeds: expected a number, got string \"many\"",
            "unknown key experiment.evaluatr (did you mean experiment.evaluator?)");
  }

  @Test
  void unknownPluginNamesListTheAvailableOnes() throws IOException {
    List<ConfigProblem> problems =
        validate("experiment { name = x, space = toy\n policies = [random-search, regularised-evolution] }\n");
    assertThat(problems).hasSize(1);
    assertThat(problems.get(0).describe())
        .isEqualTo(
            dir.resolve("exp.conf")
                + ":2: unknown policy 'regularised-evolution' in experiment.policies"
                + " (did you mean regularized-evolution?); available: random-search, regularized-evolution");
  }

  @Test
  void missingRequiredKeysAreNamed() throws IOException {
    List<ConfigProblem> problems = validate("experiment { seeds = 3 }\n");
    assertThat(problems).extracting(ConfigProblem::message)
        .containsExactly("missing required key experiment.name", "missing required key experiment.space");
  }

  @Test
  void objectWhereAValueBelongsIsAWrongType() throws IOException {
    List<ConfigProblem> problems = validate("experiment { name = x, space = toy, budget = 5 }\n");
    assertThat(problems).extracting(ConfigProblem::message)
        .containsExactly("wrong type for experiment.budget: expected an object, got number 5");
  }

  @Test
  void setOverridesAreCheckedAndNamedAsSuch() throws IOException {
    List<ConfigProblem> problems =
        validate("experiment { name = x, space = toy }\n", "experiment.seeds=ten");
    assertThat(problems).extracting(ConfigProblem::describe)
        .containsExactly("--set experiment.seeds=ten: wrong type for experiment.seeds: expected a number, got string \"ten\"");
  }

  @Test
  void setOverridesWin() throws IOException {
    Path file = dir.resolve("exp.conf");
    Files.writeString(file, "experiment { name = x, space = toy, seeds = 4 }\n");
    LoadedConfig loaded =
        new ExperimentConfigLoader(REFERENCE).load(file, List.of("experiment.seeds=7", "output.directory=/tmp/a//b"));
    assertThat(loaded.config().getInt("experiment.seeds")).isEqualTo(7);
    assertThat(loaded.config().getString("output.directory")).isEqualTo("/tmp/a//b");
  }

  @Test
  void malformedHoconIsOneProblemWithItsLine() throws IOException {
    Path file = dir.resolve("bad.conf");
    Files.writeString(file, "experiment {\n  name = x\n  space = [toy\n}\n");
    assertThatThrownBy(() -> new ExperimentConfigLoader(REFERENCE).load(file, List.of()))
        .isInstanceOfSatisfying(
            ConfigProblemsException.class,
            e -> {
              assertThat(e.problems()).hasSize(1);
              assertThat(e.problems().get(0).where()).startsWith(file + ":");
            });
  }

  @Test
  void aMissingFileIsAnInputError() {
    assertThatThrownBy(() -> new ExperimentConfigLoader(REFERENCE).load(dir.resolve("nope.conf"), List.of()))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("no such experiment file");
  }

  @Test
  void settingsReadTheValidatedConfig() throws IOException {
    Path file = dir.resolve("exp.conf");
    Files.writeString(
        file,
        "experiment { name = x, space = toy, ground-truth = toy, seeds = 3, first-seed = 10\n"
            + " policies = [regularized-evolution], budget.queries = 50 }\n");
    ExperimentSettings s =
        ExperimentSettings.from(new ExperimentConfigLoader(REFERENCE).load(file, List.of()).config());
    assertThat(s.seeds()).containsExactly(10L, 11L, 12L);
    assertThat(s.cellPolicies()).containsExactly("random-baseline", "regularized-evolution");
    assertThat(s.budget().queries()).isEqualTo(50);
    assertThat(s.baselineBudget().queries()).isEqualTo(1);
    assertThat(s.outputDirectory()).isEqualTo(Path.of("results", "x"));
    assertThat(s.groundTruth()).contains("toy");
  }

  @Test
  void outOfRangeValuesAreAllReported() throws IOException {
    Path file = dir.resolve("exp.conf");
    Files.writeString(file, "experiment { name = x, space = toy, seeds = 0, budget.queries = -1 }\n");
    Config c = new ExperimentConfigLoader(REFERENCE).load(file, List.of()).config();
    assertThatThrownBy(() -> ExperimentSettings.from(c))
        .isInstanceOfSatisfying(
            ConfigProblemsException.class,
            e -> assertThat(e.problems()).extracting(ConfigProblem::message)
                .containsExactly("experiment.seeds must be >= 1, got 0", "experiment.budget.queries must be >= 1, got -1"));
  }

  @Test
  void cpuIsaTakesOneDnnsNamesInAnyCaseAndNamesTheLineOfABadOne() throws IOException {
    Path file = dir.resolve("exp.conf");
    Files.writeString(file, "experiment { name = x, space = toy }\nexecution.cpu-isa = avx2\n");
    ExperimentSettings s =
        ExperimentSettings.from(new ExperimentConfigLoader(REFERENCE).load(file, List.of()).config());
    assertThat(s.cpuIsa()).contains("AVX2");
    Files.writeString(file, "experiment { name = x, space = toy }\n");
    assertThat(ExperimentSettings.from(new ExperimentConfigLoader(REFERENCE).load(file, List.of()).config()).cpuIsa())
        .isEmpty();

    Files.writeString(file, "experiment { name = x, space = toy }\nexecution.cpu-isa = avx3\n");
    Config c = new ExperimentConfigLoader(REFERENCE).load(file, List.of()).config();
    assertThat(new ConfigValidator(AVAILABLE::get).validate(new ExperimentConfigLoader(REFERENCE).load(file, List.of())))
        .as("the validator accepts a string; its value is checked with the settings")
        .isEmpty();
    assertThatThrownBy(() -> ExperimentSettings.from(c))
        .isInstanceOfSatisfying(
            ConfigProblemsException.class,
            e -> assertThat(e.problems()).extracting(ConfigProblem::describe)
                .containsExactly(file + ":2: execution.cpu-isa must be null or one of SSE41, AVX, AVX2,"
                    + " AVX2_VNNI, AVX2_VNNI_2, AVX512_CORE, AVX512_CORE_VNNI, AVX512_CORE_BF16,"
                    + " AVX10_1_512, AVX10_1_512_AMX, AVX10_1_512_AMX_FP16, got 'avx3'"));
  }
}
