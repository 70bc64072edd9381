package org.autograd4j.core;

/**
 * One entry of the tape: the operation that produced a tensor, the inputs it was applied to, and whatever else its
 * backward needs. Each op is a small subclass in its own file, with its forward ({@code apply}) and its backward side
 * by side.
 *
 * <p>Backward formulas are written with {@link Tensor} operations: with recording off they are plain computations;
 * with recording on (when {@link Autograd#grad} is asked to create a graph) they build the graph of the gradient,
 * which is how higher-order derivatives come for free.
 */
abstract class Node {
    /** The inputs, in the order the op took them; null once the graph has been released. */
    Tensor[] inputs;
    /** The tensor this node produced; null once released. */
    Tensor out;

    Node(Tensor... inputs) {
        this.inputs = inputs;
    }

    /**
     * The gradient with respect to each input, given the gradient of the output. An entry may be null where that input
     * does not require a gradient. A returned gradient may have the broadcast (output) shape: the backward walk sums it
     * back to the input's shape (see {@link Broadcasting#sumToShape}), so ops never reduce on their own.
     */
    abstract Tensor[] backward(Tensor gradOut);

    /** Drops the saved tensors so their memory can go; ops that save more than their inputs override and call super. */
    void release() {
        inputs = null;
        out = null;
    }

    final boolean released() {
        return inputs == null;
    }

    /** The name shown as {@code grad_fn} in {@link Tensor#toString()}, as PyTorch shows it. */
    String name() {
        return getClass().getSimpleName() + "Backward";
    }

    /** Whether input {@code i} needs a gradient; op backwards skip the work for the others. */
    final boolean needs(int i) {
        return inputs[i].requiresGrad;
    }

    /** Whether an op on {@code x} is recorded: grad mode on and the input requires a gradient. */
    static boolean recording(Tensor x) {
        return x.requiresGrad && GradMode.enabled();
    }

    static boolean recording(Tensor x, Tensor y) {
        return (x.requiresGrad || y.requiresGrad) && GradMode.enabled();
    }

    static boolean recording(Tensor[] xs) {
        for (Tensor x : xs) {
            if (x.requiresGrad) {
                return GradMode.enabled();
            }
        }
        return false;
    }

    /** Makes {@code node} the creator of {@code out}; ops call it only when {@link #recording} said so. */
    static Tensor attach(Tensor out, Node node) {
        node.out = out;
        out.node = node;
        out.requiresGrad = true;
        return out;
    }
}
