/** The {@code evalnas} command line: run, validate, report, plugins. */
package org.evalnas.runtime.cli;
