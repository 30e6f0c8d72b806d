/**
 * The weight-sharing kind of search policy: the runtime trains a supernet on the paths the
 * policy picks for each step, scores architectures with the shared weights, and the policy
 * chooses from those scores.
 */
package org.evalnas.nn.search;
