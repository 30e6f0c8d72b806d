/**
 * Finding providers: PF4J plugin jars in a plugins directory (loaded parent-first so that the
 * api and the host's shared libraries exist once) and {@link java.util.ServiceLoader} on the
 * host classpath.
 */
package org.evalnas.runtime.plugin;
