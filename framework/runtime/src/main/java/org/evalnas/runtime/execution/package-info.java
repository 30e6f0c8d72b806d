/**
 * Where cells run. The local backend is {@link org.evalnas.runtime.protocol.ExperimentRunner};
 * {@link org.evalnas.runtime.execution.slurm} submits them to a SLURM cluster. Both run each
 * cell through {@link org.evalnas.runtime.protocol.CellExecutor}.
 */
package org.evalnas.runtime.execution;
