/**
 * Checkpoints: a policy saves its state through {@link org.evalnas.api.checkpoint.CheckpointStore}
 * so that a cell stopped midway (a preempted SLURM task, a crash) resumes where it was and ends
 * exactly as an uninterrupted run would.
 */
package org.evalnas.api.checkpoint;
