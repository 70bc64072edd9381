/**
 * The tensor engine: {@link org.autograd4j.core.Tensor} records a dynamic tape of the operations that produced it and
 * {@link org.autograd4j.core.Tensor#backward()} replays it in reverse, accumulating gradients into the leaves;
 * {@link org.autograd4j.core.Autograd} offers the functional form and the no-grad switch, and
 * {@link org.autograd4j.core.GradCheck} the numerical oracle. Values live in plain Java arrays, so an op on a small
 * tensor costs nanoseconds; large matrix products run in OpenBLAS (JavaCPP's preset; MKL when present; the Java
 * kernels when asked for or when no natives load, see {@link org.autograd4j.core.BlasBackend}), with the CPU kernel
 * chosen by {@code OpenBlasSetup}, on those arrays in place through the package's one JNI library of its own
 * ({@code HeapGemm}, source in {@code src/main/c}). Each differentiable op is one package-private class holding its
 * forward and its backward. ND4J interop lives in {@code org.autograd4j.core.nd4j}.
 */
package org.autograd4j.core;
