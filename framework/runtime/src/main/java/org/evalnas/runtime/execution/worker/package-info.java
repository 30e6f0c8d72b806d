/**
 * Cells in worker processes on the local backend: a cell that trains networks (a
 * weight-sharing policy, a training evaluator) runs in a child JVM ({@code evalnas run-cell
 * --worker}), because PyTorch trains one network at a time per process; the child reports
 * its progress and metrics as event lines on its standard output, which the parent feeds into
 * its own listeners and Prometheus registry, and it exits when the parent goes away.
 */
package org.evalnas.runtime.execution.worker;
