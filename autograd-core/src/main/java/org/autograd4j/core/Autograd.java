package org.autograd4j.core;

import java.util.List;

/**
 * The functional side of autodiff: gradients returned rather than accumulated, and the switch that turns recording off.
 *
 * <pre>{@code
 * Tensor x = Tensor.of(new double[] {1, 2, 3}).requiresGrad(true);
 * Tensor y = x.pow(3).sum();
 * Tensor g = Autograd.grad(y, List.of(x), true).get(0);      // 3x², differentiable again
 * Tensor h = Autograd.grad(g.sum(), List.of(x), false).get(0); // 6x
 * try (var scope = Autograd.noGrad()) {
 *     Tensor z = x.mul(2);                                    // not recorded
 * }
 * }</pre>
 */
public final class Autograd {
    private Autograd() {
    }

    /**
     * A region of code in which the grad mode is switched; closing it restores the previous mode. Scopes belong to the
     * thread that opened them.
     */
    public static final class Scope implements AutoCloseable {
        private final boolean previous;
        private boolean closed;

        private Scope(boolean enabled) {
            this.previous = GradMode.set(enabled);
        }

        /** Restores the grad mode that was in force when this scope was opened. Closing twice does nothing. */
        @Override
        public void close() {
            if (!closed) {
                closed = true;
                GradMode.set(previous);
            }
        }
    }

    /**
     * Turns recording off on this thread until the returned scope is closed: no graph is built, and results do not
     * require gradients. Use it for inference and for parameter updates.
     *
     * @return a scope for try-with-resources
     */
    public static Scope noGrad() {
        return new Scope(false);
    }

    /**
     * Turns recording back on inside a {@link #noGrad()} region, until the returned scope is closed.
     *
     * @return a scope for try-with-resources
     */
    public static Scope enableGrad() {
        return new Scope(true);
    }

    /**
     * Anomaly mode on this thread, until the returned scope is closed (PyTorch's {@code detect_anomaly}). Each op
     * recorded in the mode remembers where it was created (a stack walk per op: slow, for debugging only); a backward
     * pass run in the mode checks every gradient an op computes and throws an {@link AnomalyException} at the first
     * one holding a NaN or an infinity, naming the op, its {@code grad_fn}, its inputs' shapes and its creation site.
     * Off by default, and free when off.
     *
     * <pre>{@code
     * try (var anomaly = Autograd.detectAnomaly()) {
     *     Tensor x = Tensor.of(new double[] {0, 1}).requiresGrad(true);
     *     x.sqrt().sum().backward();   // AnomalyException: SqrtBackward returned an infinite value ...
     * }
     * }</pre>
     *
     * @return a scope for try-with-resources
     */
    public static AnomalyScope detectAnomaly() {
        return new AnomalyScope(false);
    }

    /**
     * As {@link #detectAnomaly()}; with {@code checkNaN} the forward values are checked too: the first recorded op
     * whose result holds a NaN or an infinity throws an {@link AnomalyException} as it is computed.
     *
     * @param checkNaN also check each recorded op's result in forward
     * @return a scope for try-with-resources
     */
    public static AnomalyScope detectAnomaly(boolean checkNaN) {
        return new AnomalyScope(checkNaN);
    }

    /**
     * Whether anomaly mode is on on this thread.
     *
     * @return true inside a {@link #detectAnomaly()} scope on this thread
     */
    public static boolean isAnomalyEnabled() {
        return GradMode.anomaly();
    }

    /** A region of code in anomaly mode ({@link #detectAnomaly()}); closing it restores the previous mode. */
    public static final class AnomalyScope implements AutoCloseable {
        private final boolean[] previous;
        private boolean closed;

        private AnomalyScope(boolean checkNaN) {
            this.previous = GradMode.openAnomaly(checkNaN);
        }

        /** Restores the anomaly mode in force when this scope was opened. Closing twice does nothing. */
        @Override
        public void close() {
            if (!closed) {
                closed = true;
                GradMode.close(previous);
            }
        }
    }

    /**
     * Whether operations on this thread are currently recorded.
     *
     * @return false inside a {@link #noGrad()} scope on this thread (unless re-enabled), true otherwise
     */
    public static boolean isGradEnabled() {
        return GradMode.enabled();
    }

    /**
     * A step to capture once and replay: the first {@link CapturedStep#run} with given input shapes runs {@code body}
     * eagerly while recording every op's kernel; later runs replay the kernels into the same buffers, bit for bit what
     * eager execution computes, without building a tape (the way CUDA graphs and {@code tf.function} run a traced
     * step). See {@link CapturedStep} for what a step may do, and what the capture refuses.
     *
     * <pre>{@code
     * CapturedStep step = Autograd.capture(in -> {
     *     Tensor loss = model.forward(in[0]).logSoftmax(1).gather(1, in[1]).neg().mean();
     *     loss.backward();
     *     return loss;
     * });
     * double loss = step.run(x, labels).item();
     * }</pre>
     *
     * @param body the step, reading its data from the array it is given
     * @return the step, not yet captured
     */
    public static CapturedStep capture(CapturedStep.Body body) {
        return new CapturedStep(body);
    }

    /**
     * Whether a step is being captured on this thread (see {@link #capture}), as PyTorch's
     * {@code torch.compiler.is_compiling()}: code that reads values from Java to check them (a label in range) can
     * leave the check to the ops, which repeat it on every replay.
     *
     * @return true inside the first run of a {@link CapturedStep} with new input shapes
     */
    public static boolean isCapturing() {
        return Capture.current() != null;
    }

    /**
     * The gradients of a scalar {@code output} with respect to {@code inputs}, without touching any tensor's
     * {@link Tensor#grad()}. The graph is kept when {@code createGraph} is true, released otherwise.
     *
     * @param output      a tensor with one element
     * @param inputs      tensors the output depends on (leaves or intermediate results)
     * @param createGraph record the backward pass, so the returned gradients can be differentiated again
     * @return one gradient per input, each of its input's shape and dtype
     * @throws IllegalArgumentException if the output does not depend on one of the inputs
     */
    public static List<Tensor> grad(Tensor output, List<Tensor> inputs, boolean createGraph) {
        return grad(output, inputs, null, createGraph, createGraph, false);
    }

    /**
     * The vector-Jacobian products of {@code output} with respect to {@code inputs}, seeded with {@code gradOutput}
     * (which may be null for a scalar output).
     *
     * @param output the tensor differentiated; one element if {@code gradOutput} is null
     * @param inputs tensors that require a gradient and that the output depends on
     * @param gradOutput  the gradient of some final quantity with respect to {@code output}, of its shape; or null
     * @param createGraph record the backward pass, so the returned gradients can be differentiated again
     * @param retainGraph keep the graph so it can be differentiated through again
     * @return one gradient per input, each of its input's shape and dtype
     * @throws IllegalArgumentException if an argument is null, an input does not require a gradient, or the output
     *                                  does not depend on it
     */
    public static List<Tensor> grad(Tensor output, List<Tensor> inputs, Tensor gradOutput, boolean createGraph,
            boolean retainGraph) {
        return grad(output, inputs, gradOutput, createGraph, retainGraph, false);
    }

    /**
     * As {@link #grad(Tensor, List, Tensor, boolean, boolean)}; with {@code allowUnused} an input the output does not
     * depend on gets a zero gradient instead of an exception.
     *
     * @param output the tensor differentiated; one element if {@code gradOutput} is null
     * @param inputs tensors that require a gradient and that the output depends on
     * @param gradOutput the gradient of some final quantity with respect to {@code output}, of its shape; or null
     * @param createGraph record the backward pass, so the returned gradients can be differentiated again
     * @param retainGraph keep the graph so it can be differentiated through again
     * @param allowUnused give an input the output does not depend on a zero gradient rather than throw
     * @return one gradient per input, each of its input's shape and dtype
     * @throws IllegalArgumentException if an argument is null, an input does not require a gradient, or (without
     *                                  {@code allowUnused}) the output does not depend on it
     */
    public static List<Tensor> grad(Tensor output, List<Tensor> inputs, Tensor gradOutput, boolean createGraph,
            boolean retainGraph, boolean allowUnused) {
        if (output == null || inputs == null) {
            throw new IllegalArgumentException("grad: output and inputs must not be null");
        }
        Tensor[] targets = inputs.toArray(new Tensor[0]);
        for (int i = 0; i < targets.length; i++) {
            if (targets[i] == null) {
                throw new IllegalArgumentException("grad: input " + i + " is null");
            }
            if (!targets[i].requiresGrad) {
                throw new IllegalArgumentException("grad: input " + i + " (shape " + Shapes.str(targets[i].shape)
                        + ") does not require a gradient; call requiresGrad(true) on it before computing the output");
            }
        }
        Tensor[] grads = Backprop.gradients("grad", output, gradOutput, retainGraph, createGraph, targets, allowUnused);
        return List.of(grads);
    }
}
