package org.evalnas.runtime.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.evalnas.runtime.ranking.RankingMetrics;
import org.evalnas.runtime.ranking.RankingOptions;
import org.evalnas.runtime.ranking.RankingReport;
import org.evalnas.runtime.results.CellResult;
import org.evalnas.runtime.results.CellResult.ChosenArchitecture;
import org.evalnas.runtime.results.CellResultCodec;
import org.evalnas.runtime.results.WeightSharingRecord;
import org.evalnas.runtime.results.WeightSharingRecord.EpochRanking;
import org.evalnas.runtime.results.WeightSharingRecord.SampleScore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WeightSharingSummaryTest {
  private static final RankingOptions OPTIONS = new RankingOptions(List.of(1, 3), 0.2, 0.1);
  private static final int ARCHITECTURES = 12;

  @TempDir Path dir;

  /** Truth of the 12 architectures, and a supernet's scores: truth plus seed-dependent noise. */
  private static double[] truth() {
    double[] t = new double[ARCHITECTURES];
    for (int i = 0; i < t.length; i++) {
      t[i] = 80 + i * 0.7;
    }
    return t;
  }

  private static double[] scores(long seed, int epoch) {
    SplittableRandom r = new SplittableRandom(seed * 31 + epoch);
    double[] truth = truth();
    double[] s = new double[truth.length];
    for (int i = 0; i < s.length; i++) {
      s[i] = truth[i] * epoch / 2 + r.nextDouble(-4, 4);
    }
    return s;
  }

  private static CellResult cell(String policy, long seed) {
    List<EpochRanking> rankings = new ArrayList<>();
    for (int epoch = 1; epoch <= 2; epoch++) {
      rankings.add(new EpochRanking(epoch, RankingMetrics.compare(scores(seed, epoch), truth(), OPTIONS)));
    }
    List<SampleScore> finalScores = new ArrayList<>();
    double[] last = scores(seed, 2);
    for (int i = 0; i < ARCHITECTURES; i++) {
      finalScores.add(new SampleScore("a" + i, last[i], truth()[i]));
    }
    WeightSharingRecord ws = new WeightSharingRecord(2, ARCHITECTURES, "test", 0.8, rankings, finalScores);
    return new CellResult(
        "e", policy, seed, "space", new ChosenArchitecture("a1", "a1", new int[] {1}, Double.NaN), 90, 81,
        Map.of(), "valid", "test", 50, 3, null, 1, 0, 0, new double[0], new double[0], ws,
        Instant.EPOCH, Instant.EPOCH);
  }

  @Test
  void resultJsonKeepsTheWholeRecord() throws Exception {
    CellResult r = cell("spos", 4);
    Path file = dir.resolve("result.json");
    Files.write(file, CellResultCodec.write(r));
    CellResult back = CellResultCodec.read(file);
    assertThat(back.weightSharing()).usingRecursiveComparison().isEqualTo(r.weightSharing());
    assertThat(CellResultCodec.write(back)).isEqualTo(CellResultCodec.write(r));
  }

  @Test
  void averagesEachEpochOverSeedsAndMeasuresStability() {
    List<CellResult> results = List.of(cell("spos", 0), cell("spos", 1), cell("spos", 2), cell("fairnas", 0));
    WeightSharingSummary s = WeightSharingSummary.of(results);
    assertThat(s.epochs()).extracting(WeightSharingSummary.EpochRow::policy, WeightSharingSummary.EpochRow::epoch)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("fairnas", 1),
            org.assertj.core.groups.Tuple.tuple("fairnas", 2),
            org.assertj.core.groups.Tuple.tuple("spos", 1),
            org.assertj.core.groups.Tuple.tuple("spos", 2));
    WeightSharingSummary.EpochRow spos2 = s.epochs().get(3);
    double[] taus = new double[3];
    for (int seed = 0; seed < 3; seed++) {
      taus[seed] = RankingMetrics.kendallTau(scores(seed, 2), truth());
    }
    assertThat(spos2.seeds()).isEqualTo(3);
    assertThat(spos2.kendallTau()).isCloseTo((taus[0] + taus[1] + taus[2]) / 3, within(1e-12));
    assertThat(spos2.kendallTauStd())
        .isCloseTo(new org.hipparchus.stat.descriptive.moment.StandardDeviation().evaluate(taus), within(1e-12));
    assertThat(spos2.precisionAtK()).containsOnlyKeys(1, 3);
    // one fairnas seed: no spread, no stability
    assertThat(s.epochs().get(1).kendallTauStd()).isNaN();
    assertThat(s.stability()).hasSize(1);
    WeightSharingSummary.StabilityRow stability = s.stability().get(0);
    assertThat(stability.architectures()).isEqualTo(ARCHITECTURES);
    assertThat(stability.meanPairwiseTau())
        .isCloseTo(
            RankingMetrics.rankStability(new double[][] {scores(0, 2), scores(1, 2), scores(2, 2)}), within(1e-12));
    assertThat(s.noiseCeiling()).isEqualTo(0.8);
    RankingReport first = results.get(0).weightSharing().rankings().get(0).report();
    assertThat(first.n()).isEqualTo(ARCHITECTURES);
  }

  @Test
  void theReportHasATableOfTheRankings() {
    ExperimentSummary summary = SummaryBuilder.summarize(List.of(cell("spos", 0), cell("spos", 1)), List.of());
    String md = SummaryWriter.markdown(summary);
    assertThat(md).contains("## Supernet rankings", "Noise ceiling", "| spos | 2 | 2 |", "P@3", "Stability across seeds");
    assertThat(new String(SummaryWriter.json(summary))).contains("\"weight_sharing\"", "\"mean_pairwise_kendall_tau\"");
  }
}
