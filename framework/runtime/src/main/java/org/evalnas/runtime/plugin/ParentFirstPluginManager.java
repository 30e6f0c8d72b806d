package org.evalnas.runtime.plugin;

import java.nio.file.Path;
import java.util.List;
import org.pf4j.ClassLoadingStrategy;
import org.pf4j.CompoundPluginDescriptorFinder;
import org.pf4j.DefaultPluginManager;
import org.pf4j.JarPluginLoader;
import org.pf4j.ManifestPluginDescriptorFinder;
import org.pf4j.PluginClassLoader;
import org.pf4j.PluginDescriptor;
import org.pf4j.PluginDescriptorFinder;
import org.pf4j.PluginLoader;

/**
 * A PF4J manager for plain plugin jars whose class loaders ask the host first.
 *
 * <p>Parent-first, because the api types must be the host's (or the plugin's providers would
 * not be instances of them) and because a native library, like DJL's, can be loaded by one
 * class loader only. A plugin's own shaded libraries are still found in its jar.
 */
final class ParentFirstPluginManager extends DefaultPluginManager {

  ParentFirstPluginManager(Path pluginsRoot) {
    super(List.of(pluginsRoot));
  }

  @Override
  protected PluginDescriptorFinder createPluginDescriptorFinder() {
    // the manifest is generated from each plugin's pom: one place declares it
    return new CompoundPluginDescriptorFinder().add(new ManifestPluginDescriptorFinder());
  }

  @Override
  protected PluginLoader createPluginLoader() {
    return new JarPluginLoader(this) {
      @Override
      public ClassLoader loadPlugin(Path pluginPath, PluginDescriptor descriptor) {
        PluginClassLoader loader =
            new PluginClassLoader(
                pluginManager, descriptor, getClass().getClassLoader(), ClassLoadingStrategy.APD);
        loader.addFile(pluginPath.toFile());
        return loader;
      }
    };
  }
}
