package org.evalnas.runtime.report.html;

import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.renderer.category.CategoryItemRendererState;
import org.jfree.chart.renderer.category.ScatterRenderer;
import org.jfree.chart.util.ShapeUtils;
import org.jfree.data.category.CategoryDataset;
import org.jfree.data.statistics.MultiValueCategoryDataset;

/**
 * A strip plot: every value of a category as a point, spread sideways (sorted by value, evenly
 * across part of the category's width) so that equal or close values stay visible. The spread
 * is deterministic, so the same results draw the same picture.
 */
final class JitteredScatterRenderer extends ScatterRenderer {
  private static final long serialVersionUID = 1L;
  private final double spread;

  /** @param spread the fraction of a category's width the points spread over */
  JitteredScatterRenderer(double spread) {
    this.spread = spread;
  }

  @Override
  public void drawItem(
      Graphics2D g2,
      CategoryItemRendererState state,
      Rectangle2D dataArea,
      CategoryPlot plot,
      CategoryAxis domainAxis,
      ValueAxis rangeAxis,
      CategoryDataset dataset,
      int row,
      int column,
      int pass) {
    if (!getItemVisible(row, column) || state.getVisibleSeriesIndex(row) < 0) {
      return;
    }
    List<Number> values = new ArrayList<>(((MultiValueCategoryDataset) dataset).getValues(row, column));
    values.sort(Comparator.comparingDouble(Number::doubleValue));
    int columns = dataset.getColumnCount();
    double middle = domainAxis.getCategoryMiddle(column, columns, dataArea, plot.getDomainAxisEdge());
    double width =
        domainAxis.getCategoryEnd(column, columns, dataArea, plot.getDomainAxisEdge())
            - domainAxis.getCategoryStart(column, columns, dataArea, plot.getDomainAxisEdge());
    int n = values.size();
    for (int i = 0; i < n; i++) {
      double offset = n == 1 ? 0 : (i / (double) (n - 1) - 0.5) * width * spread;
      // alternate sides so neighbours in value are apart on screen
      if (i % 2 == 1) {
        offset = -offset;
      }
      double y = rangeAxis.valueToJava2D(values.get(i).doubleValue(), dataArea, plot.getRangeAxisEdge());
      Shape shape = ShapeUtils.createTranslatedShape(getItemShape(row, column), middle + offset, y);
      g2.setPaint(getItemPaint(row, column));
      g2.fill(shape);
      g2.setPaint(getItemOutlinePaint(row, column));
      g2.setStroke(getItemOutlineStroke(row, column));
      g2.draw(shape);
    }
  }
}
