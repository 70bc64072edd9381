/**
 * Measurements of autograd4j, never run by the build: JMH benchmarks (autodiff against the numerical oracle, per-op
 * overhead against raw ND4J and plain Java, training throughput against the GEMM bound), the {@link
 * org.autograd4j.benchmarks.Workloads} runner that prints comparable {@code RESULT} lines, the {@link
 * org.autograd4j.benchmarks.MemoryProbe}, the {@link org.autograd4j.benchmarks.StepProfile} breakdown, and the {@link
 * org.autograd4j.benchmarks.Suite} that runs them all and prints the results table (see this module's README).
 */
package org.autograd4j.benchmarks;
