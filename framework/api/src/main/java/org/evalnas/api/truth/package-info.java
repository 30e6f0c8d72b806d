/** Ground truth: tabular benchmarks that give an architecture's trained accuracy. */
package org.evalnas.api.truth;
