/**
 * The derived files of an experiment, built from its cell results alone: {@code summary.json},
 * {@code summary.csv} and {@code report.md}.
 */
package org.evalnas.runtime.report;
