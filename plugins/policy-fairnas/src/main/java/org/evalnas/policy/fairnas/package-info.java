/**
 * FairNAS (Chu et al., ICCV 2021) as a weight-sharing policy: strict fairness, every operation
 * of every decision trained exactly once per step, gradients summed before one update.
 */
package org.evalnas.policy.fairnas;
