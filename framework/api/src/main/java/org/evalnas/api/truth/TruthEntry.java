package org.evalnas.api.truth;

import org.evalnas.api.space.Architecture;

/**
 * One architecture of a benchmark with its record.
 *
 * @param architecture the architecture
 * @param record what the benchmark knows of it
 */
public record TruthEntry(Architecture architecture, TruthRecord record) {}
