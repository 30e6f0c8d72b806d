/**
 * The results layout: one {@code result.json} per cell, written atomically, and the files
 * derived from them alone.
 */
package org.evalnas.runtime.results;
