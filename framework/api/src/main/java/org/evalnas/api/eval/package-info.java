/** Evaluators: how a chosen architecture is scored (ground-truth lookup, training, ...). */
package org.evalnas.api.eval;
