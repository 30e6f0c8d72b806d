/**
 * The fixed protocol: for each seed, each policy and the random baseline search under the
 * same budget, the chosen architecture is evaluated, and each (policy, seed) cell's result is
 * written atomically so that a rerun resumes.
 */
package org.evalnas.runtime.protocol;
