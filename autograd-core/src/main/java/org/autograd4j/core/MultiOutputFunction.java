package org.autograd4j.core;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A differentiable function defined by the user with several outputs, as a PyTorch {@code torch.autograd.Function}
 * whose forward returns a tuple: {@link #forward} returns one tensor per output, {@link #backward} receives one
 * gradient per output and returns one per input. Everything else is as for {@link Function} (whose {@link
 * Function.Context} it uses): the forward is not recorded, the backward is written with Tensor ops for higher order,
 * saved tensors are version-checked, and each returned gradient has its input's shape or one the input broadcasts to.
 *
 * <pre>{@code
 * final class SinCos extends MultiOutputFunction {
 *     protected Tensor[] forward(Function.Context ctx, Tensor... in) {
 *         ctx.saveForBackward(in[0]);
 *         return new Tensor[] {in[0].sin(), in[0].cos()};
 *     }
 *     protected Tensor[] backward(Function.Context ctx, Tensor... gradOuts) {
 *         Tensor x = ctx.savedTensors().get(0);
 *         return new Tensor[] {gradOuts[0].mul(x.cos()).sub(gradOuts[1].mul(x.sin()))};
 *     }
 * }
 * List<Tensor> sc = new SinCos().apply(x);   // sc.get(0) is sin(x), sc.get(1) is cos(x)
 * }</pre>
 *
 * <p>An output that the loss does not use gets a gradient of zeros, of its shape and dtype, as in PyTorch; after
 * {@link Function.Context#setMaterializeGrads ctx.setMaterializeGrads(false)} it gets null instead, so the backward can
 * skip its work. Every output's {@code gradFn()} is the class's simple name followed by {@code Backward}, except an
 * INT64 output (an index, as the second output of PyTorch's {@code max(dim)}): as in PyTorch it is not recorded, does
 * not require a gradient, and its gradient in the backward is an INT64 zero (or null).
 *
 * <p>How it is recorded (note "joined outputs"): the tape has one output per node, so the outputs are joined, flat, in
 * one hidden tensor that the user's backward node produces; each output is recorded as a piece of it. The backward
 * walk adds the pieces' gradients (each zero outside its piece) into the hidden tensor's gradient, which is cut back
 * into one gradient per output when the user's backward runs. Those steps are Tensor ops, so higher order works.
 * {@link Graphs#toDot} shows the hidden tensor under the function's name, with the outputs' total size as its shape.
 */
public abstract class MultiOutputFunction {
    /** For subclasses. */
    protected MultiOutputFunction() {
    }

    /**
     * Computes the outputs from the inputs; runs with recording off, so its ops are not on the tape.
     *
     * @param ctx    where to keep what {@link #backward} needs
     * @param inputs the tensors given to {@link #apply}, in order
     * @return the outputs, new tensors (an input returned as it is gives a view of it), at least one
     */
    protected abstract Tensor[] forward(Function.Context ctx, Tensor... inputs);

    /**
     * The gradient of each input given the gradient of each output.
     *
     * @param ctx      the context the forward filled
     * @param gradOuts one entry per output, of that output's shape and dtype: zeros for an output no gradient reached
     *                 (null instead after {@link Function.Context#setMaterializeGrads} with false)
     * @return one entry per input, in order: the gradient, of that input's dtype and shape (or a shape the input
     *     broadcasts to), or null where none flows
     */
    protected abstract Tensor[] backward(Function.Context ctx, Tensor... gradOuts);

    /**
     * Runs {@link #forward} and, when grad mode is on and an input requires a gradient, records it so that a backward
     * pass calls {@link #backward}.
     *
     * @param inputs the inputs (at least one)
     * @return the outputs of {@link #forward}, in order, as an unmodifiable list
     * @throws IllegalArgumentException if there are no inputs, one is null, or forward returns null, no output, or a
     *     null output
     */
    public final List<Tensor> apply(Tensor... inputs) {
        String name = Function.nameOf(getClass());
        Function.checkInputs(name, inputs);
        boolean record = Node.recording(inputs);
        Function.Context ctx = new Function.Context(inputs);
        Tensor[] outs;
        boolean previous = GradMode.set(false);
        try {
            outs = forward(ctx, inputs.clone());
        } finally {
            GradMode.set(previous);
        }
        checkOutputs(name, outs);
        outs = outs.clone();
        if (!record) {
            return List.of(outs);
        }
        Joined joined = new Joined(this, name, ctx, inputs, outs);
        for (int j = 0; j < outs.length; j++) {
            Tensor out = outs[j];
            // An input, an earlier output or a recorded tensor returned as it is keeps its own place: record a view.
            if (out.node != null || out.requiresGrad || Function.contains(inputs, out)
                    || Function.contains(Arrays.copyOf(outs, j), out)) {
                out = out.view(out.shape);
            }
            outs[j] = Node.attach(out, new Piece(joined, j));
        }
        return List.of(outs);
    }

    private static void checkOutputs(String name, Tensor[] outs) {
        if (outs == null || outs.length == 0) {
            throw new IllegalArgumentException(name + ": forward returned " + (outs == null ? "null" : "no outputs")
                    + "; it must return at least one output tensor");
        }
        for (int j = 0; j < outs.length; j++) {
            if (outs[j] == null) {
                throw new IllegalArgumentException(name + ": forward returned null as output " + j + " of "
                        + outs.length + "; every output must be a tensor");
            }
        }
    }

    /**
     * The user's backward on the tape: its output is the hidden tensor that joins the outputs (note "joined outputs"),
     * flat, in one dtype (FLOAT64 when the outputs' dtypes differ).
     */
    private static final class Joined extends Node {
        private final MultiOutputFunction function;
        private final String name;
        private final Function.Context ctx;
        private final int[][] shapes;
        private final DType[] dtypes;
        private final int[] offsets;
        /** Which outputs a gradient reached in the current walk, set by their {@link Piece}s, which run first. */
        private final boolean[] reached;

        Joined(MultiOutputFunction function, String name, Function.Context ctx, Tensor[] inputs, Tensor[] outs) {
            super(inputs.clone());
            this.function = function;
            this.name = name;
            this.ctx = ctx;
            int n = outs.length;
            shapes = new int[n][];
            dtypes = new DType[n];
            offsets = new int[n + 1];
            reached = new boolean[n];
            DType joint = outs[0].dtype;
            List<Tensor> flat = new ArrayList<>(n);
            for (int j = 0; j < n; j++) {
                shapes[j] = outs[j].shape.clone();
                dtypes[j] = outs[j].dtype;
                offsets[j + 1] = offsets[j] + outs[j].length();
                joint = outs[j].dtype == joint ? joint : DType.FLOAT64;
            }
            boolean previous = GradMode.set(false);
            try {
                for (Tensor out : outs) {
                    flat.add(out.reshape(-1).to(joint));
                }
                Node.attach(Tensor.concat(flat, 0), this);
            } finally {
                GradMode.set(previous);
            }
        }

        @Override
        Tensor[] backward(Tensor gradOut) {
            ctx.checkVersions(name);
            Tensor[] gradOuts = new Tensor[shapes.length];
            for (int j = 0; j < gradOuts.length; j++) {
                if (reached[j] || ctx.materializeGrads()) {
                    Tensor piece = gradOut.slice(0, offsets[j], offsets[j + 1]);
                    gradOuts[j] = Reshape.apply(piece, shapes[j]).to(dtypes[j]);
                }
                reached[j] = false;
            }
            return Function.checkGradients(name, inputs, function.backward(ctx, gradOuts));
        }

        @Override
        String name() {
            return name;
        }

        @Override
        void release() {
            ctx.release();
            super.release();
        }
    }

    /** Output {@code j} as a piece of the joined tensor: its gradient is placed at its offset, zeros elsewhere. */
    private static final class Piece extends Node {
        private final Joined joined;
        private final int j;

        Piece(Joined joined, int j) {
            super(joined.out);
            this.joined = joined;
            this.j = j;
        }

        @Override
        Tensor[] backward(Tensor gradOut) {
            joined.reached[j] = true;
            int from = joined.offsets[j];
            int after = joined.offsets[joined.offsets.length - 1] - joined.offsets[j + 1];
            Tensor flat = gradOut.reshape(-1).to(inputs[0].dtype);
            return new Tensor[] {Pad.apply(flat, 0, from, after)};
        }

        @Override
        String name() {
            return joined.name;
        }
    }
}
