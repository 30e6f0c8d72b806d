package org.evalnas.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.evalnas.api.space.SearchSpaceProvider;
import org.evalnas.testkit.fake.FakeSearchSpace;
import org.evalnas.testkit.fake.FakeSearchSpaceProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pf4j.DefaultPluginManager;
import org.pf4j.ExtensionFinder;
import org.pf4j.PluginManager;
import org.pf4j.PluginWrapper;
import org.pf4j.ServiceProviderExtensionFinder;

/** The jars the builder writes are plugins PF4J loads. */
class PluginJarLoadingTest {
  @TempDir Path plugins;

  @Test
  void pf4jLoadsTheJarAndFindsItsExtension() {
    PluginJarBuilder.plugin("space-fake")
        .version("1.0.0")
        .addService(SearchSpaceProvider.class, FakeSearchSpaceProvider.class)
        .addClass(FakeSearchSpace.class)
        .writeTo(plugins);
    PluginManager manager =
        new DefaultPluginManager(plugins) {
          @Override
          protected ExtensionFinder createExtensionFinder() {
            // the build writes META-INF/services, not PF4J's extensions.idx
            return new ServiceProviderExtensionFinder(this);
          }
        };
    manager.loadPlugins();
    manager.startPlugins();
    try {
      List<PluginWrapper> loaded = manager.getPlugins();
      assertThat(loaded).extracting(PluginWrapper::getPluginId).containsExactly("space-fake");
      assertThat(loaded.get(0).getDescriptor().getVersion()).isEqualTo("1.0.0");
      assertThat(manager.getExtensionClassNames("space-fake"))
          .contains(FakeSearchSpaceProvider.class.getName());
    } finally {
      manager.stopPlugins();
      manager.unloadPlugins();
    }
  }
}
