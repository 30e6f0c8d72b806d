/**
 * Experiment configuration: HOCON files over every module's and plugin's
 * {@code reference.conf}, overridden by the environment and {@code --set}, validated as a
 * whole before anything runs.
 */
package org.evalnas.runtime.config;
