/**
 * The evalnas service-provider interface: search spaces, search policies, ground truth and
 * evaluators, each found by name as a PF4J extension or through {@link java.util.ServiceLoader}.
 *
 * <p>The protocol that runs them is fixed and lives in the runtime; plugins implement these
 * interfaces and never depend on the runtime or on each other.
 */
package org.evalnas.api;
