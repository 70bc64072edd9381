package org.autograd4j.core;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A differentiable function defined by the user, as PyTorch's {@code torch.autograd.Function}: subclass it, write
 * {@link #forward} (plain tensor code, never recorded) and {@link #backward} (the gradient of each input, written with
 * {@link Tensor} ops), then call {@link #apply}. The result is recorded on the tape like a built-in op: its
 * {@code gradFn()} is the class's simple name followed by {@code Backward} ({@code ClippedReluBackward}), the backward
 * walk calls your {@code backward}, {@link Autograd#noGrad()} turns recording off, and {@link GradCheck} checks it.
 *
 * <pre>{@code
 * final class ClippedRelu extends Function {
 *     protected Tensor forward(Context ctx, Tensor... in) {
 *         ctx.saveForBackward(in[0]);
 *         return in[0].clamp(0, 6);
 *     }
 *     protected Tensor[] backward(Context ctx, Tensor gradOut) {
 *         Tensor x = ctx.savedTensors().get(0);
 *         return new Tensor[] {gradOut.mul(x.gt(0).mul(x.lt(6)))};
 *     }
 * }
 * Tensor y = new ClippedRelu().apply(x);
 * }</pre>
 *
 * <p>One instance may be applied any number of times, from several threads: everything a call needs for its backward
 * goes in its {@link Context} (saved tensors, and non-tensor values with {@link Context#put}); constants of the
 * function itself (a clipping bound) may be final fields of the subclass, set in its constructor.
 *
 * <p>Higher order: when {@code backward} is written with Tensor ops on the saved inputs (or the saved output), a
 * gradient taken with {@code createGraph} is itself differentiable, as for built-in ops. A tensor computed inside
 * {@code forward} and saved is a constant to the second derivative (it was computed without recording), as in
 * PyTorch: save inputs and outputs and recompute the rest in backward when second derivatives matter.
 *
 * <p>Saved tensors take part in version counting (see {@link Tensor#version()}): writing one between the forward and
 * the backward makes the backward fail instead of using the new values.
 *
 * <p>A gradient returned by {@code backward} has its input's shape, or a shape the input broadcasts to, which the
 * backward walk sums back to the input's shape, as PyTorch accepts. A function with several outputs is a
 * {@link MultiOutputFunction}; it shares this class's {@link Context}.
 */
public abstract class Function {
    /** For subclasses. */
    protected Function() {
    }

    /**
     * Computes the output from the inputs; runs with recording off, so its ops are not on the tape.
     *
     * @param ctx    where to keep what {@link #backward} needs
     * @param inputs the tensors given to {@link #apply}, in order
     * @return the output, a new tensor (returning an input as it is gives a view of it)
     */
    protected abstract Tensor forward(Context ctx, Tensor... inputs);

    /**
     * The gradient of each input given the gradient of the output.
     *
     * @param ctx     the context the forward filled
     * @param gradOut the gradient of the output, of the output's shape and dtype
     * @return one entry per input, in order: the gradient, of that input's dtype and shape (or a shape the input
     *     broadcasts to, summed back to it), or null where none flows (always allowed for an input that does not
     *     require a gradient; see {@link Context#needsInputGrad})
     */
    protected abstract Tensor[] backward(Context ctx, Tensor gradOut);

    /**
     * Runs {@link #forward} and, when grad mode is on and an input requires a gradient, records it so that a backward
     * pass calls {@link #backward}.
     *
     * @param inputs the inputs (at least one)
     * @return the output of {@link #forward}
     * @throws IllegalArgumentException if there are no inputs, one is null, or forward returns null
     */
    public final Tensor apply(Tensor... inputs) {
        String name = name();
        checkInputs(name, inputs);
        boolean record = Node.recording(inputs);
        Context ctx = new Context(inputs);
        Tensor out;
        boolean previous = GradMode.set(false);
        try {
            out = forward(ctx, inputs.clone());
        } finally {
            GradMode.set(previous);
        }
        if (out == null) {
            throw new IllegalArgumentException(name + ": forward returned null; it must return the output tensor");
        }
        if (!record) {
            return out;
        }
        // An input returned as it is (an identity) keeps its own place in the graph: the recorded output is a view.
        if (out.node != null || out.requiresGrad || contains(inputs, out)) {
            out = out.view(out.shape);
        }
        return Node.attach(out, new Recorded(this, ctx, inputs));
    }

    /** The name shown as {@code grad_fn} and in error messages: the class's simple name, then "Backward". */
    final String name() {
        return nameOf(getClass());
    }

    static String nameOf(Class<?> type) {
        String simple = type.getSimpleName();
        if (simple.isEmpty()) {
            String full = type.getName();
            simple = full.substring(full.lastIndexOf('.') + 1);
        }
        return simple + "Backward";
    }

    static void checkInputs(String name, Tensor[] inputs) {
        if (inputs.length == 0) {
            throw new IllegalArgumentException(name + ": apply needs at least one input tensor");
        }
        for (int i = 0; i < inputs.length; i++) {
            if (inputs[i] == null) {
                throw new IllegalArgumentException(name + ": input " + i + " is null");
            }
        }
    }

    /**
     * What the user's backward returned, checked against the inputs: one entry per input, each null, or of the input's
     * dtype and of a shape the input broadcasts to (PyTorch's "shape compatible with"; the backward walk sums it back).
     * Gradients for inputs that need none are dropped.
     */
    static Tensor[] checkGradients(String name, Tensor[] inputs, Tensor[] gs) {
        if (gs == null || gs.length != inputs.length) {
            throw new IllegalStateException(name + ": backward returned " + (gs == null ? "null" : gs.length
                    + " gradients") + " but the function has " + inputs.length + " inputs; return one entry per"
                    + " input, null where no gradient flows");
        }
        Tensor[] checked = gs.clone();
        for (int i = 0; i < gs.length; i++) {
            Tensor x = inputs[i];
            Tensor g = gs[i];
            if (g == null) {
                continue;
            }
            if (!x.requiresGrad) {
                checked[i] = null;
                continue;
            }
            if (!Broadcasting.broadcastsTo(x.shape, g.shape)) {
                throw new IllegalStateException(name + ": backward returned a gradient of shape "
                        + Shapes.str(g.shape) + " for input " + i + ", which has shape " + Shapes.str(x.shape)
                        + "; expected that shape or one it broadcasts to (summed back to it)");
            }
            if (g.dtype != x.dtype) {
                throw new IllegalStateException(name + ": backward returned a " + g.dtype + " gradient for input "
                        + i + ", which is " + x.dtype);
            }
        }
        return checked;
    }

    static boolean contains(Tensor[] xs, Tensor t) {
        for (Tensor x : xs) {
            if (x == t) {
                return true;
            }
        }
        return false;
    }

    /**
     * What one call of a {@link Function} keeps for its backward, as PyTorch's {@code ctx}: the saved tensors (with
     * their versions, checked before the backward runs), non-tensor values by name, and which inputs need a gradient.
     */
    public static final class Context {
        private final boolean[] needsInputGrad;
        private List<Tensor> saved = List.of();
        private int[] savedVersions = new int[0];
        private final Map<String, Object> values = new HashMap<>();
        private boolean released;
        private boolean materializeGrads = true;

        Context(Tensor[] inputs) {
            needsInputGrad = new boolean[inputs.length];
            for (int i = 0; i < inputs.length; i++) {
                needsInputGrad[i] = inputs[i].requiresGrad;
            }
        }

        /**
         * Keeps tensors for the backward (replacing any saved before); their versions are recorded now.
         *
         * @param tensors inputs, the output, or tensors computed in forward
         * @throws IllegalArgumentException if one is null
         */
        public void saveForBackward(Tensor... tensors) {
            int[] versions = new int[tensors.length];
            List<Tensor> list = new ArrayList<>(tensors.length);
            for (int i = 0; i < tensors.length; i++) {
                if (tensors[i] == null) {
                    throw new IllegalArgumentException("saveForBackward: tensor " + i + " is null");
                }
                versions[i] = tensors[i].version.value;
                list.add(tensors[i]);
            }
            saved = Collections.unmodifiableList(list);
            savedVersions = versions;
        }

        /**
         * The tensors given to {@link #saveForBackward}, in order.
         *
         * @return an unmodifiable list, empty if nothing was saved
         * @throws IllegalStateException once the graph has been released by a backward pass
         */
        public List<Tensor> savedTensors() {
            if (released) {
                throw new IllegalStateException("savedTensors: the graph was released by an earlier backward pass;"
                        + " pass retainGraph=true to the first backward to differentiate through it twice");
            }
            return saved;
        }

        /**
         * Keeps a non-tensor value (a bound, a mask shape, a flag) for the backward.
         *
         * @param key   the name to read it back with
         * @param value any value
         */
        public void put(String key, Object value) {
            values.put(key, value);
        }

        /**
         * A value kept with {@link #put}.
         *
         * @param key  its name
         * @param type its class, e.g. {@code Double.class}
         * @param <T>  its type
         * @return the value
         * @throws IllegalArgumentException if nothing was put under {@code key}, or it is not a {@code type}
         */
        public <T> T get(String key, Class<T> type) {
            Object v = values.get(key);
            if (v == null && !values.containsKey(key)) {
                throw new IllegalArgumentException("get: no value was put under \"" + key + "\"; keys: "
                        + values.keySet());
            }
            if (v != null && !type.isInstance(v)) {
                throw new IllegalArgumentException("get: the value under \"" + key + "\" is a "
                        + v.getClass().getSimpleName() + ", not a " + type.getSimpleName());
            }
            return type.cast(v);
        }

        /**
         * Whether input {@code i} requires a gradient, so the backward can skip the work for the others.
         *
         * @param i the input's position
         * @return true if its gradient is used
         */
        public boolean needsInputGrad(int i) {
            return needsInputGrad[i];
        }

        /**
         * Whether a {@link MultiOutputFunction}'s backward receives zeros (true, the default, as PyTorch) or null
         * (false) for an output that no gradient reached, e.g. one the loss does not use; null lets it skip work.
         * A one-output {@link Function}'s backward always receives its gradient.
         *
         * @param materialize false to receive null for outputs that no gradient reached
         */
        public void setMaterializeGrads(boolean materialize) {
            materializeGrads = materialize;
        }

        boolean materializeGrads() {
            return materializeGrads;
        }

        void release() {
            released = true;
            saved = List.of();
        }

        void checkVersions(String name) {
            for (int i = 0; i < saved.size(); i++) {
                Tensor t = saved.get(i);
                if (t.version.value != savedVersions[i]) {
                    throw new IllegalStateException("backward: one of the variables needed for gradient computation"
                            + " has been modified by an inplace operation: saved tensor " + i + " of " + name
                            + " (shape " + Shapes.str(t.shape) + ", " + t.dtype + ") is at version "
                            + t.version.value + "; expected version " + savedVersions[i] + " instead. It was written"
                            + " (array(), floatArray(), an optimizer step) after the forward saved it; compute the"
                            + " result again after the write, or write into a copy");
                }
            }
        }
    }

    /** The tape entry of one call: hands the backward to the user's function and checks what it returns. */
    private static final class Recorded extends Node {
        private final Function function;
        private final Context ctx;

        Recorded(Function function, Context ctx, Tensor[] inputs) {
            super(inputs.clone());
            this.function = function;
            this.ctx = ctx;
        }

        @Override
        Tensor[] backward(Tensor gradOut) {
            String name = name();
            ctx.checkVersions(name);
            return checkGradients(name, inputs, function.backward(ctx, gradOut));
        }

        @Override
        String name() {
            return function.name();
        }

        @Override
        void release() {
            ctx.release();
            super.release();
        }
    }
}
