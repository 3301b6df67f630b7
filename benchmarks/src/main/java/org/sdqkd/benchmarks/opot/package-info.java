/**
 * The ordered proof of transit benchmarks: the per-packet transit step of {@code opot}'s {@code TransitNode}.
 */
package org.sdqkd.benchmarks.opot;
