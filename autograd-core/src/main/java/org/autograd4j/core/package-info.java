/**
 * The tensor engine: {@link org.autograd4j.core.Tensor} records a dynamic tape of the operations that produced it and
 * {@link org.autograd4j.core.Tensor#backward()} replays it in reverse, accumulating gradients into the leaves;
 * {@link org.autograd4j.core.Autograd} offers the functional form and the no-grad switch, and
 * {@link org.autograd4j.core.GradCheck} the numerical oracle. Values live in plain Java arrays, so an op on a small
 * tensor costs nanoseconds. Each differentiable op is one package-private class holding its forward and its backward.
 * Matrix products go to the native backend in {@code org.autograd4j.core.backend} (which never sees a tensor, only
 * arrays; {@link org.autograd4j.core.backend.BlasBackend} says and sets which library runs); the one backend class
 * left here, {@link org.autograd4j.core.HeapGemm}, is internal and stays because its JNI library's symbols name it.
 * ND4J interop lives in {@code org.autograd4j.core.nd4j}.
 */
package org.autograd4j.core;
