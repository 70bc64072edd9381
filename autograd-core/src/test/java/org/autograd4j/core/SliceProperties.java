package org.autograd4j.core;

import static org.autograd4j.core.TensorGen.shapes;
import static org.autograd4j.core.TensorGen.tensorOf;
import static org.autograd4j.core.TensorGen.uniform;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;

import org.quicktheories.core.Gen;

/**
 * {@link Slice}: {@code slice(axis, from, to)}, bounds possibly negative (counted from the end) or empty.
 * The gradient's graph goes through {@link Pad}, whose own backward is a slice again.
 */
class SliceProperties extends OneInputOpProperties<SliceProperties.Case> {
    private static final Gen<Case> CASES = shapes(1, 3).flatMap(s -> tensorOf(s, uniform(-2, 2)).zip(
            integers().between(-3, 2), integers().between(0, TensorGen.MAX_DIM),
            integers().between(0, TensorGen.MAX_DIM), booleans().all(), Case::of));

    /** {@code from}/{@code to} as resolved; {@code fromArg}/{@code toArg} as passed (negative when asked). */
    record Case(Tensor x, int axis, int from, int to, long fromArg, long toArg) implements OneInputOpProperties.Case {
        static Case of(Tensor x, int rawAxis, int a, int b, boolean negative) {
            int axis = TensorGen.axis(rawAxis, x.rank());
            int n = x.shape[Math.floorMod(axis, x.rank())];
            int from = Math.min(Math.min(a, b), n);
            int to = Math.min(Math.max(a, b), n);
            long fromArg = negative && from < n ? from - n : from;
            long toArg = negative && to < n ? to - n : to;
            return new Case(x, axis, from, to, fromArg, toArg);
        }

        @Override
        public Tensor apply(Tensor t) {
            return t.slice(axis, fromArg, toArg);
        }

        @Override
        public String toString() {
            return TensorGen.describe(x) + ".slice(" + axis + ", " + fromArg + ", " + toArg + ")";
        }
    }

    @Override
    Gen<Case> cases() {
        return CASES;
    }

    @Override
    Ref.Expected reference(Case c) {
        int axis = Math.floorMod(c.axis(), c.x().rank());
        int[] shape = Shapes.with(c.x().shape, axis, c.to() - c.from());
        double[] out = new double[Ref.size(shape)];
        for (int o = 0; o < out.length; o++) {
            int[] idx = Ref.unravel(o, shape);
            idx[axis] += c.from();
            out[o] = c.x().data[Ref.ravel(idx, c.x().shape)];
        }
        return new Ref.Expected(shape, out);
    }

}
