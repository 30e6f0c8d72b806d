/**
 * Single-path one-shot NAS (SPOS, Guo et al., ECCV 2020) as a weight-sharing policy: the
 * supernet trains one path a minibatch, drawn uniformly over the unique architectures of the
 * space, and the policy chooses the best shared-weight score in its evaluation pool.
 */
package org.evalnas.policy.spos;
