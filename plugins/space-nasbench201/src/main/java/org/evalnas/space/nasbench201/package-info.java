/**
 * The NAS-Bench-201 search space (Dong and Yang, ICLR 2020; the topology space of NATS-Bench).
 *
 * <p>A cell has 4 nodes and 6 edges ({@code 1<-0, 2<-0, 2<-1, 3<-0, 3<-1, 3<-2}); each edge
 * carries one of 5 operations. The 15,625 cells are exposed in the benchmark's own index order,
 * with the official architecture strings as labels and the official isomorphism-aware unique
 * string ({@code Structure.to_unique_str(consider_zero=True)}, 6,466 classes) as canonical id.
 * {@link org.evalnas.space.nasbench201.Nb201SpaceProvider} contributes the space under the name
 * {@code nasbench201}; its ground truth lives in {@code org.evalnas.space.nasbench201.truth}.
 */
package org.evalnas.space.nasbench201;
