package org.autograd4j.core;

/** How {@link Tensor#gelu(GeluApproximation)} computes the Gaussian CDF, as PyTorch's {@code approximate} argument. */
public enum GeluApproximation {
    /** Exact: {@code x · Φ(x) = x/2 · (1 + erf(x / √2))} (PyTorch's {@code approximate='none'}, the default). */
    NONE,
    /** {@code x/2 · (1 + tanh(√(2/π) · (x + 0.044715 x³)))} (PyTorch's {@code approximate='tanh'}, as in GPT-2). */
    TANH
}
