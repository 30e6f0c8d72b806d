/**
 * Regularized ("aging") evolution of Real et al. (AAAI 2019) on any space, through its
 * decision encoding: tournament selection, a one-decision mutation, and removal of the oldest
 * member rather than the worst.
 */
package org.evalnas.policy.evolution;
