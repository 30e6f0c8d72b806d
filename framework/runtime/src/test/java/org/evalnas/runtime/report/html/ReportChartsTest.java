package org.evalnas.runtime.report.html;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.junit.jupiter.api.Test;

/** The numbers behind the report's plots. */
class ReportChartsTest {
  @Test
  void meanCurvesAverageTheCurvesThatReachEachPoint() {
    Map<String, List<double[]>> curves = new LinkedHashMap<>();
    curves.put("re", List.of(new double[] {1, 2, 3}, new double[] {3, 4}, new double[] {5}));
    curves.put("random-baseline", List.of(new double[] {7}, new double[] {9}));
    JFreeChart chart = ReportCharts.meanCurves("t", "s", "queries", "accuracy", curves, "random-baseline", Double.NaN, "");
    YIntervalSeriesCollection data = (YIntervalSeriesCollection) chart.getXYPlot().getDataset();

    assertThat(data.getSeriesCount()).isEqualTo(2);
    assertThat(data.getItemCount(0)).isEqualTo(3); // the longest curve's length
    // query 1: all three curves (1, 3, 5): mean 3, sample sd 2
    assertThat(data.getXValue(0, 0)).isEqualTo(1.0);
    assertThat(data.getYValue(0, 0)).isEqualTo(3.0);
    assertThat(data.getEndYValue(0, 0)).isCloseTo(5.0, within(1e-12));
    // query 2: the two curves that got there (2, 4); query 3: one curve, no spread
    assertThat(data.getYValue(0, 1)).isEqualTo(3.0);
    assertThat(data.getStartYValue(0, 1)).isCloseTo(3.0 - Math.sqrt(2), within(1e-12));
    assertThat(data.getYValue(0, 2)).isEqualTo(3.0);
    assertThat(data.getStartYValue(0, 2)).isEqualTo(3.0);
    assertThat(data.getYValue(1, 0)).isEqualTo(8.0);
  }
}
