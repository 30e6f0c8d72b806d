package org.evalnas.runtime.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.evalnas.runtime.config.ExperimentConfigLoader;
import org.evalnas.runtime.config.ExperimentSettings;
import org.evalnas.runtime.config.LoadedConfig;
import org.evalnas.runtime.plugin.PluginRegistry;
import org.evalnas.runtime.report.SummaryBuilder;
import org.evalnas.runtime.report.SummaryWriter;
import org.evalnas.runtime.results.CellResult;
import org.evalnas.runtime.results.CellResultCodec;
import org.evalnas.runtime.results.ResultLayout;
import org.evalnas.testkit.fake.FakeGroundTruth;
import org.evalnas.testkit.fake.FakeSearchSpace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Whole experiments on the testkit's fake benchmark. */
class ExperimentRunnerTest {
  private static final PluginRegistry REGISTRY = PluginRegistry.load(Optional.empty());
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  private RunOutcome run(Path output, boolean fresh, String... sets) throws IOException {
    Path file = dir.resolve("exp.conf");
    Files.writeString(
        file,
        "experiment { name = toy, space = fake, ground-truth = fake, seeds = 6\n"
            + "  policies = [test-random], baseline.policy = test-random, budget.queries = 12 }\n"
            + "execution.parallel = 2\n");
    LoadedConfig loaded = new ExperimentConfigLoader(REGISTRY.reference()).load(file, List.of(sets));
    ExperimentSettings settings = ExperimentSettings.from(loaded.config());
    RunOutcome outcome =
        new ExperimentRunner(REGISTRY, loaded, settings, output, Clock.systemUTC()).run(fresh, RunListener.NONE);
    SummaryWriter.write(SummaryBuilder.build(output), output);
    return outcome;
  }

  @Test
  void runsEveryCellAndRanksTheChoicesInTheSpace() throws IOException {
    Path out = dir.resolve("out");
    RunOutcome outcome = run(out, false);
    assertThat(outcome.ok()).isTrue();
    assertThat(outcome.ran()).isEqualTo(12);
    assertThat(ResultLayout.resultFiles(out)).hasSize(12);

    FakeSearchSpace space = FakeSearchSpace.standard();
    FakeGroundTruth truth = new FakeGroundTruth(space);
    double best =
        truth.entries().stream().mapToDouble(e -> e.record().metric("test").getAsDouble()).max().getAsDouble();
    long n = truth.entries().size();
    for (Path f : ResultLayout.resultFiles(out)) {
      CellResult r = CellResultCodec.read(f);
      double truthAccuracy =
          truth.lookup(space.decode(r.chosen().choices())).get().metric("test").getAsDouble();
      assertThat(r.accuracy()).isEqualTo(truthAccuracy);
      assertThat(r.regret()).isEqualTo(best - truthAccuracy);
      long below = truth.entries().stream().filter(e -> e.record().metric("test").getAsDouble() < truthAccuracy).count();
      long equal = truth.entries().stream().filter(e -> e.record().metric("test").getAsDouble() == truthAccuracy).count();
      assertThat(r.rankPercentile()).isCloseTo(100.0 * (below + 0.5 * equal) / n, org.assertj.core.data.Offset.offset(1e-9));
      int expectedQueries = r.policy().equals("random-baseline") ? 1 : 12;
      assertThat(r.queriesUsed()).isEqualTo(expectedQueries);
      assertThat(r.trajectorySearch()).hasSize(expectedQueries);
      // best of N by the search metric: the chosen one has the trajectory's best search score
      assertThat(r.searchScore()).isEqualTo(java.util.Arrays.stream(r.trajectorySearch()).max().getAsDouble());
    }
    String csv = Files.readString(out.resolve("summary.csv"));
    assertThat(csv.lines().findFirst().get())
        .startsWith("policy,n,mean,std,median,min,max,ci_low,ci_high,rank_percentile,regret,p_beat_random,mannwhitney_p");
    assertThat(csv.lines().skip(1).map(l -> l.split(",")[0]).toList())
        .containsExactly("random-baseline", "test-random");
    assertThat(Files.readString(out.resolve("report.md"))).contains("Best architecture of the space:");
    // a new cell's directory holds its result and nothing else (no temp file, no checkpoint)
    for (Path f : ResultLayout.resultFiles(out)) {
      try (var files = Files.list(f.getParent())) {
        assertThat(files.map(p -> p.getFileName().toString())).containsExactly("result.json");
      }
    }
  }

  @Test
  void aRerunResumesAndChangesNothing() throws IOException {
    Path out = dir.resolve("out");
    run(out, false);
    byte[] csv = Files.readAllBytes(out.resolve("summary.csv"));
    byte[] json = Files.readAllBytes(out.resolve("summary.json"));
    RunOutcome again = run(out, false);
    assertThat(again.ran()).isZero();
    assertThat(again.resumed()).isEqualTo(12);
    assertThat(Files.readAllBytes(out.resolve("summary.csv"))).isEqualTo(csv);
    assertThat(Files.readAllBytes(out.resolve("summary.json"))).isEqualTo(json);
  }

  @Test
  void sameConfigSameResultsWhateverTheParallelism() throws IOException {
    Path a = dir.resolve("a");
    Path b = dir.resolve("b");
    run(a, false);
    run(b, false, "execution.parallel=1");
    List<Path> fa = ResultLayout.resultFiles(a);
    List<Path> fb = ResultLayout.resultFiles(b);
    assertThat(fa).hasSize(fb.size());
    for (int i = 0; i < fa.size(); i++) {
      assertThat(withoutTiming(fb.get(i))).isEqualTo(withoutTiming(fa.get(i)));
    }
    assertThat(Files.readAllBytes(b.resolve("summary.csv"))).isEqualTo(Files.readAllBytes(a.resolve("summary.csv")));
  }

  @Test
  void lostCellsAreRunAgainToTheSameSummary() throws IOException {
    Path out = dir.resolve("out");
    run(out, false);
    byte[] csv = Files.readAllBytes(out.resolve("summary.csv"));
    // as after a kill: two cells never written, one temp file left behind
    Path lost = new CellKey("test-random", 3).directory(out);
    Files.delete(lost.resolve("result.json"));
    Files.writeString(lost.resolve(".result.json.tmp"), "{\"format\": 1, \"exp");
    Files.delete(new CellKey("random-baseline", 5).directory(out).resolve("result.json"));
    RunOutcome again = run(out, false);
    assertThat(again.ran()).isEqualTo(2);
    assertThat(again.resumed()).isEqualTo(10);
    assertThat(Files.readAllBytes(out.resolve("summary.csv"))).isEqualTo(csv);
  }

  @Test
  void aFailedCellIsRecordedAndTheOthersFinish() throws IOException {
    Path out = dir.resolve("out");
    RunOutcome outcome = run(out, false, "policy.test-random.fail-at-seed=2");
    // the baseline runs test-random too, so both cells of seed 2 fail
    assertThat(outcome.failed()).hasSize(2);
    assertThat(outcome.failed().values()).allMatch(m -> m.contains("failing on purpose at seed 2"));
    assertThat(outcome.ran()).isEqualTo(10);
    assertThat(new CellKey("test-random", 2).directory(out).resolve("error.txt")).exists();
    assertThat(Files.readString(out.resolve("report.md"))).contains("## Failed cells").contains("seed-2");
    // fixed: the rerun runs just the failed cells and clears their errors
    RunOutcome again = run(out, false);
    assertThat(again.ran()).isEqualTo(2);
    assertThat(ResultLayout.errorFiles(out)).isEmpty();
  }

  @Test
  void freshStartsOver() throws IOException {
    Path out = dir.resolve("out");
    run(out, false);
    Files.writeString(out.resolve("notes.txt"), "mine");
    RunOutcome again = run(out, true);
    assertThat(again.resumed()).isZero();
    assertThat(again.ran()).isEqualTo(12);
    assertThat(out.resolve("notes.txt")).hasContent("mine");
  }

  @Test
  void provenanceRecordsTheResolvedConfigAndTimes() throws IOException {
    Path out = dir.resolve("out");
    run(out, false);
    var p = JSON.readTree(out.resolve("provenance.json").toFile());
    assertThat(p.get("config").get("experiment").get("seeds").asInt()).isEqualTo(6);
    assertThat(p.get("finished").isNull()).isFalse();
    assertThat(p.get("jvm").get("java.version").asText()).isEqualTo(System.getProperty("java.version"));
  }

  private static String withoutTiming(Path f) throws IOException {
    ObjectNode o = (ObjectNode) JSON.readTree(f.toFile());
    o.remove("timing");
    return o.toString();
  }
}
