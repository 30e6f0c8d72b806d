package org.evalnas.runtime.config;

import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;
import org.apache.commons.text.similarity.LevenshteinDistance;

/** Finds the known name a misspelled one most likely meant. */
final class KeySuggester {
  private static final LevenshteinDistance DISTANCE = LevenshteinDistance.getDefaultInstance();

  private KeySuggester() {}

  /** The closest candidate within a third of the name's length (at least 2 edits), if any. */
  static Optional<String> closest(String name, Collection<String> candidates) {
    int limit = Math.max(2, name.length() / 3);
    return candidates.stream()
        .filter(c -> DISTANCE.apply(name, c) <= limit)
        .min(Comparator.comparingInt((String c) -> DISTANCE.apply(name, c)).thenComparing(c -> c));
  }
}
