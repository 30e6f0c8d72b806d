/**
 * {@code evalnas benchmark build CONFIG}: trains every cell of a small NAS-Bench-101 space from
 * scratch, several times, resumably, and writes a tabular benchmark in the JSON-lines format
 * the plugin's ground truth reads.
 */
package org.evalnas.space.nasbench101.build;
