package org.evalnas.api.policy;

import org.evalnas.api.space.Architecture;

/**
 * An architecture with the score a policy saw for it (the search metric).
 *
 * @param architecture the architecture
 * @param value its score, higher is better
 */
public record Score(Architecture architecture, double value) {}
