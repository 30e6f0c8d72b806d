/** Subcommands of the {@code evalnas} command line that plugins contribute. */
package org.evalnas.api.command;
