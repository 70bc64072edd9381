package org.autograd4j.core;

import static org.autograd4j.core.TensorGen.shapes;
import static org.autograd4j.core.TensorGen.tensorOf;
import static org.autograd4j.core.TensorGen.uniform;
import static org.quicktheories.generators.SourceDSL.integers;

import org.quicktheories.core.Gen;

/** {@link Pad} (internal, the adjoint of slice): zeros added before and after one axis; reached through its apply. */
class PadProperties extends OneInputOpProperties<PadProperties.Case> {
    private static final Gen<Case> CASES = shapes(1, 3).flatMap(s -> tensorOf(s, uniform(-2, 2)).zip(
            integers().between(0, 2), integers().between(0, 3), integers().between(0, 3),
            (x, a, before, after) -> new Case(x, a % x.rank(), before, after)));

    record Case(Tensor x, int axis, int before, int after) implements OneInputOpProperties.Case {
        @Override
        public Tensor apply(Tensor t) {
            return Pad.apply(t, axis, before, after);
        }

        @Override
        public String toString() {
            return "Pad.apply(" + TensorGen.describe(x) + ", axis " + axis + ", " + before + ", " + after + ")";
        }
    }

    @Override
    Gen<Case> cases() {
        return CASES;
    }

    @Override
    Ref.Expected reference(Case c) {
        int[] shape = Shapes.with(c.x().shape, c.axis(), c.x().shape[c.axis()] + c.before() + c.after());
        double[] out = new double[Ref.size(shape)];
        for (int i = 0; i < c.x().data.length; i++) {
            int[] idx = Ref.unravel(i, c.x().shape);
            idx[c.axis()] += c.before();
            out[Ref.ravel(idx, shape)] = c.x().data[i];
        }
        return new Ref.Expected(shape, out);
    }

}
