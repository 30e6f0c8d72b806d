package org.evalnas.api.policy;

/**
 * A search policy. Implement one of the narrow kinds: {@link BlackBoxPolicy} for policies that
 * query an oracle (random search, evolution, ...).
 */
public interface SearchPolicy {}
