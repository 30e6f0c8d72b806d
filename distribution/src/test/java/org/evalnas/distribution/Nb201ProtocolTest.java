package org.evalnas.distribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The protocol end to end on NAS-Bench-201 with the real plugins. */
class Nb201ProtocolTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String[] OPS = {"none", "skip_connect", "nor_conv_1x1", "nor_conv_3x3", "avg_pool_3x3"};

  @TempDir Path dir;

  /**
   * A table that is not the benchmark's: the official index and arch columns with scores made
   * up here, so that the best cell and every rank are known independently of evalnas.
   */
  private Map<String, double[]> writeOwnTable(Path csv) throws IOException {
    List<String> lines = Files.readAllLines(Distribution.shared("nb201/nb201-12epoch.csv"));
    StringBuilder sb = new StringBuilder("index,arch,toy_valid,toy_test,toy_extra\n");
    Map<String, double[]> byArch = new HashMap<>();
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split(",");
      int index = Integer.parseInt(f[0]);
      String arch = f[1];
      double score = 0;
      for (int op = 0; op < OPS.length; op++) {
        score += op * countOf(arch, OPS[op] + "~");
      }
      double test = score * 4 + (index % 97) / 100.0;      // best: all six edges avg_pool_3x3
      double valid = test - (index % 13) / 10.0;           // noisy view for the search
      byArch.put(arch, new double[] {valid, test});
      sb.append(index).append(',').append(arch).append(',').append(valid).append(',').append(test).append(",1\n");
    }
    Files.writeString(csv, sb.toString());
    return byArch;
  }

  private static int countOf(String s, String part) {
    int n = 0;
    for (int i = s.indexOf(part); i >= 0; i = s.indexOf(part, i + 1)) {
      n++;
    }
    return n;
  }

  @Test
  void anOwnTableGivesTheRightTruthRanksAndBest() throws IOException {
    Path csv = dir.resolve("data/own.csv");
    Files.createDirectories(csv.getParent());
    Map<String, double[]> truth = writeOwnTable(csv);
    Path conf =
        Distribution.write(
            dir.resolve("exp.conf"),
            "experiment { name = own, space = nasbench201, ground-truth = nasbench201, seeds = 8\n"
                + "  policies = [random-search, regularized-evolution], budget.queries = 60 }\n"
                + "ground-truth.nasbench201 { data = data/own.csv, search-metric = toy_valid, report-metric = toy_test }\n");
    Path out = dir.resolve("out");
    Distribution.Result r = Distribution.cli("run", conf.toString(), "--output", out.toString(), "--no-progress");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("24 cells run, 0 resumed, 0 failed");

    String bestArch = "|avg_pool_3x3~0|+|avg_pool_3x3~0|avg_pool_3x3~1|+|avg_pool_3x3~0|avg_pool_3x3~1|avg_pool_3x3~2|";
    double[] sortedTest = truth.values().stream().mapToDouble(v -> v[1]).sorted().toArray();
    double best = sortedTest[sortedTest.length - 1];
    assertThat(truth.get(bestArch)[1]).isEqualTo(best);
    assertThat(Files.readString(out.resolve("report.md"))).contains("Best architecture of the space: `" + bestArch + "`");

    try (var policies = Files.list(out)) {
      for (Path policy : policies.filter(Files::isDirectory).toList()) {
        try (var seeds = Files.list(policy)) {
          for (Path seed : seeds.toList()) {
            JsonNode res = JSON.readTree(seed.resolve("result.json").toFile());
            double[] expected = truth.get(res.get("chosen").get("label").asText());
            assertThat(res.get("accuracy").asDouble()).isEqualTo(expected[1]);
            assertThat(res.get("regret").asDouble()).isCloseTo(best - expected[1], within(1e-9));
            long below = java.util.Arrays.stream(sortedTest).filter(v -> v < expected[1]).count();
            long equal = java.util.Arrays.stream(sortedTest).filter(v -> v == expected[1]).count();
            assertThat(res.get("rank_percentile").asDouble())
                .isCloseTo(100.0 * (below + 0.5 * equal) / sortedTest.length, within(1e-9));
            assertThat(res.get("space_best").get("label").asText()).isEqualTo(bestArch);
          }
        }
      }
    }
  }

  @Test
  @Tag("slow")
  void regularizedEvolutionBeatsRandomSearchOnTheRealBenchmark() throws IOException {
    Path out = dir.resolve("out");
    Path conf =
        Distribution.nb201Experiment(
            dir.resolve("exp.conf"), "nb201",
            "seeds = 100, policies = [random-search, regularized-evolution], budget.queries = 150", "");
    Distribution.Result r = Distribution.cli("run", conf.toString(), "--output", out.toString(), "--no-progress");
    assertThat(r.code()).as(r.err()).isZero();
    Map<String, JsonNode> rows = new HashMap<>();
    for (JsonNode row : JSON.readTree(out.resolve("summary.json").toFile()).get("policies")) {
      rows.put(row.get("policy").asText(), row);
    }
    double re = rows.get("regularized-evolution").get("mean").asDouble();
    double rs = rows.get("random-search").get("mean").asDouble();
    double baseline = rows.get("random-baseline").get("mean").asDouble();
    assertThat(re).isGreaterThan(rs);
    assertThat(rs).isGreaterThan(baseline);
    assertThat(rows.get("regularized-evolution").get("p_beat_random").asDouble()).isGreaterThan(0.9);
    assertThat(rows.get("random-baseline").get("n").asInt()).isEqualTo(100);
  }

  @Test
  void sameConfigAndSeedsGiveIdenticalResults() throws IOException {
    Path conf =
        Distribution.nb201Experiment(
            dir.resolve("exp.conf"), "same",
            "seeds = 5, policies = [regularized-evolution], budget.queries = 40", "");
    Distribution.cli("run", conf.toString(), "--output", dir.resolve("a").toString(), "--no-progress");
    Distribution.cli("run", conf.toString(), "--output", dir.resolve("b").toString(), "--no-progress", "--set", "execution.parallel=1");
    assertThat(Files.readAllBytes(dir.resolve("b/summary.csv"))).isEqualTo(Files.readAllBytes(dir.resolve("a/summary.csv")));
    for (String cell : List.of("regularized-evolution/seed-0", "regularized-evolution/seed-4", "random-baseline/seed-2")) {
      JsonNode a = JSON.readTree(dir.resolve("a").resolve(cell).resolve("result.json").toFile());
      JsonNode b = JSON.readTree(dir.resolve("b").resolve(cell).resolve("result.json").toFile());
      ((com.fasterxml.jackson.databind.node.ObjectNode) a).remove("timing");
      ((com.fasterxml.jackson.databind.node.ObjectNode) b).remove("timing");
      assertThat(b).isEqualTo(a);
    }
  }

  @Test
  void killedMidRunResumesToTheSameSummary() throws Exception {
    Path conf =
        Distribution.nb201Experiment(
            dir.resolve("exp.conf"), "kill",
            "seeds = 400, policies = [random-search, regularized-evolution], budget.queries = 300",
            "execution.parallel = 1\n");
    Path killed = dir.resolve("killed");
    Process p = Distribution.start(dir, "run", conf.toString(), "--output", killed.toString(), "--no-progress");
    long deadline = System.currentTimeMillis() + 60_000;
    while (countResults(killed) < 100 && p.isAlive() && System.currentTimeMillis() < deadline) {
      Thread.sleep(20);
    }
    assertThat(p.isAlive()).as("the run must still be going when killed").isTrue();
    p.destroyForcibly().waitFor(); // SIGKILL: no shutdown hooks, no cleanup
    int before = countResults(killed);
    assertThat(before).isBetween(100, 1199);

    Distribution.Result resumed = Distribution.cli("run", conf.toString(), "--output", killed.toString(), "--no-progress");
    assertThat(resumed.code()).as(resumed.err()).isZero();
    assertThat(resumed.out()).contains((1200 - before) + " cells run, " + before + " resumed, 0 failed");
    assertThat(countResults(killed)).isEqualTo(1200);

    Path whole = dir.resolve("whole");
    Distribution.Result uninterrupted = Distribution.cli("run", conf.toString(), "--output", whole.toString(), "--no-progress");
    assertThat(uninterrupted.code()).isZero();
    assertThat(Files.readAllBytes(killed.resolve("summary.csv"))).isEqualTo(Files.readAllBytes(whole.resolve("summary.csv")));
  }

  private static int countResults(Path out) throws IOException {
    if (!Files.isDirectory(out)) {
      return 0;
    }
    List<Path> found = new ArrayList<>();
    try (var walk = Files.walk(out)) {
      walk.filter(f -> f.getFileName().toString().equals("result.json")).forEach(found::add);
    }
    return found.size();
  }
}
