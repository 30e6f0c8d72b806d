/**
 * Search policies. The policy proposes, the runtime evaluates: a black-box policy asks its
 * context to score architectures, and the context enforces the budget and records the
 * trajectory.
 */
package org.evalnas.api.policy;
