/**
 * Random search, the baseline every policy is compared with: uniform draws over the unique
 * architectures of a space until the budget is spent, the best scored one chosen.
 */
package org.evalnas.policy.random;
