/**
 * The report as pictures: {@code report.html} (self-contained, its images inlined as data
 * URIs) and the PNG plots beside it, drawn with JFreeChart from the cell results alone (and,
 * for weight-sharing runs, from {@link org.evalnas.runtime.report.html.WeightSharingResults}).
 */
package org.evalnas.runtime.report.html;
