package org.autograd4j.core;

/**
 * One entry of the tape: the operation that produced a tensor, the inputs it was applied to, and whatever else its
 * backward needs. Each op is a small subclass in its own file, with its forward ({@code apply}) and its backward side
 * by side.
 *
 * <p>Backward formulas are written with {@link Tensor} operations: with recording off they are plain computations;
 * with recording on (when {@link Autograd#grad} is asked to create a graph) they build the graph of the gradient,
 * which is how higher-order derivatives come for free. An op may add a fused first-order path
 * ({@link #backwardFirstOrder}), which the walk calls when no graph is wanted.
 *
 * <p>What a node saves, for the version check (see {@link VersionCounter}, "version counters"): every input counts
 * as saved (conservative: an add, whose backward reads no values, is checked too; simpler than a list per op and never
 * silent), and the output counts when {@link #savesOutput()} says the backward reads it. The versions are recorded
 * when the node is built and checked by {@link #checkVersions} just before its backward runs. A later capture of ops
 * as data can read the same two facts: the buffers an op reads are its inputs (and its output where saved), the one
 * it writes is its fresh output.
 */
abstract class Node {
    /** The inputs, in the order the op took them; null once the graph has been released. */
    Tensor[] inputs;
    /** The tensor this node produced; null once released. */
    Tensor out;
    /**
     * The versions of inputs 0 and 1 and of the output when the node was recorded; inputs beyond the second (where,
     * addmm, concat) in {@link #moreVersions}. Fields rather than an array: most ops take one or two inputs, and the
     * tape of a small network must not allocate more per op for this.
     */
    private final int version0;
    private final int version1;
    private final int[] moreVersions;
    private int outVersion;
    /** Where the op was created, for anomaly mode's messages; null when recorded outside the mode. */
    java.util.List<StackTraceElement> site;

    Node(Tensor... inputs) {
        this.inputs = inputs;
        int n = inputs.length;
        this.version0 = n > 0 ? inputs[0].version.value : 0;
        this.version1 = n > 1 ? inputs[1].version.value : 0;
        int[] more = null;
        if (n > 2) {
            more = new int[n - 2];
            for (int i = 2; i < n; i++) {
                more[i - 2] = inputs[i].version.value;
            }
        }
        this.moreVersions = more;
    }

    /**
     * The gradient with respect to each input, given the gradient of the output. An entry may be null where that input
     * does not require a gradient. A returned gradient may have the broadcast (output) shape: the backward walk sums it
     * back to the input's shape (see {@link Broadcasting#sumToShape}), so ops never reduce on their own.
     */
    abstract Tensor[] backward(Tensor gradOut);

    /**
     * The backward of a first-order walk (no {@code createGraph}: nothing is recorded, the gradients are values only):
     * {@link #backward} unless the op has a fused path that computes the same gradient in one kernel instead of several
     * Tensor ops (sigmoid, tanh, relu, log-softmax override it). The walk says which one it wants (see
     * {@link Backprop}); an op does not infer it from the grad mode.
     */
    Tensor[] backwardFirstOrder(Tensor gradOut) {
        return backward(gradOut);
    }

    /**
     * Whether {@link #backward} reads {@link #out} (exp, tanh, sigmoid...), so writing to it after recording matters.
     */
    boolean savesOutput() {
        return false;
    }

    /**
     * Refuses to run the backward when a saved tensor was written since this node was recorded (see
     * {@link VersionCounter}, "version counters"), in PyTorch's words.
     *
     * @throws IllegalStateException naming this op, the input's position and shape, and both versions
     */
    final void checkVersions() {
        Tensor[] xs = inputs;
        for (int i = 0; i < xs.length; i++) {
            int saved = i == 0 ? version0 : i == 1 ? version1 : moreVersions[i - 2];
            if (xs[i].version.value != saved) {
                throw modified("input " + i, xs[i], saved);
            }
        }
        if (savesOutput() && out.version.value != outVersion) {
            throw modified("output", out, outVersion);
        }
    }

    private IllegalStateException modified(String what, Tensor t, int saved) {
        return new IllegalStateException("backward: one of the variables needed for gradient computation has been"
                + " modified by an inplace operation: " + what + " of " + name() + " (shape " + Shapes.str(t.shape)
                + ", " + t.dtype + ") is at version " + t.version.value + "; expected version " + saved
                + " instead. It was written (array(), floatArray(), an optimizer step) after the op saved it;"
                + " compute the result again after the write, or write into a copy");
    }

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
        if (out.dtype == DType.INT64) {
            // an integer output carries no gradient (PyTorch marks such outputs of a Function non-differentiable)
            return out;
        }
        node.out = out;
        node.outVersion = out.version.value;
        out.node = node;
        out.requiresGrad = true;
        if (GradMode.anomaly()) {
            node.site = Anomaly.creationSite();
            if (GradMode.checkNaN()) {
                Anomaly.checkForward(node);
            }
        }
        return out;
    }
}
