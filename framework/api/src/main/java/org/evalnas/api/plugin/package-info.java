/** How the host hands configuration and context to the providers a plugin contributes. */
package org.evalnas.api.plugin;
