package org.evalnas.api.plugin;

import org.pf4j.ExtensionPoint;

/**
 * A provider found by discovery and picked by name in the experiment config.
 *
 * <p>Providers are cheap: constructing one does no work; the heavy object is made by the
 * provider's {@code create} or {@code open} method, only when a config asks for it.
 */
public interface NamedProvider extends ExtensionPoint {

  /** The name a config uses to pick this provider, e.g. {@code nasbench201}. */
  String name();

  /** One line for {@code evalnas plugins}. */
  String description();
}
