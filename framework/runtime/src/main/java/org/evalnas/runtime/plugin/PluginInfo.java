package org.evalnas.runtime.plugin;

import java.nio.file.Path;

/**
 * A loaded plugin jar, for listings and provenance.
 *
 * @param id the PF4J plugin id
 * @param version its version
 * @param jar the jar file
 * @param sha256 the jar's SHA-256, hex
 */
public record PluginInfo(String id, String version, Path jar, String sha256) {}
