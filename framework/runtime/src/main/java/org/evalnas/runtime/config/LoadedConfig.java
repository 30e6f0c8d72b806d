package org.evalnas.runtime.config;

import com.typesafe.config.Config;
import java.nio.file.Path;

/**
 * An experiment config merged over the references and resolved.
 *
 * @param file the experiment file
 * @param config the resolved whole (references, file, environment, {@code --set})
 * @param reference the merged references, unresolved, that define the known keys
 */
public record LoadedConfig(Path file, Config config, Config reference) {}
