/** The built-in evaluator: the chosen architecture's ground-truth report metric. */
package org.evalnas.runtime.evaluation;
