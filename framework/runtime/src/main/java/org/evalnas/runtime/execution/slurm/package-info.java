/**
 * The SLURM backend: {@code evalnas run} submits an array job (one task per unfinished cell,
 * one array per distinct set of resources) and an aggregation job that depends on it; each
 * task runs {@code evalnas run-cell}, which checkpoints and stops cleanly on SIGTERM and
 * resumes when SLURM requeues it. What was submitted is recorded under {@code <output>/slurm/}
 * so that {@code evalnas status} and {@code evalnas cancel} find it.
 */
package org.evalnas.runtime.execution.slurm;
