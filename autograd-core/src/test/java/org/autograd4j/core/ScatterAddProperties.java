package org.autograd4j.core;

import static org.autograd4j.core.TensorGen.tensorOf;
import static org.autograd4j.core.TensorGen.uniform;

import org.quicktheories.core.Gen;

/** {@link ScatterAdd} (internal, the adjoint of gather): values added at the places an index names; via apply. */
class ScatterAddProperties extends OneInputOpProperties<ScatterAddProperties.Case> {
    /** Values of the index's shape, scattered into a zero tensor of the gather input's shape. */
    private static final Gen<Case> CASES = GatherProperties.GatherIndices.CASES.flatMap(i -> tensorOf(i.indexShape(),
            uniform(-2, 2)).map(x -> new Case(x, i)));

    record Case(Tensor x, GatherProperties.GatherIndices i) implements OneInputOpProperties.Case {
        @Override
        public Tensor apply(Tensor t) {
            return ScatterAdd.apply(t, i.resolvedAxis(), i.index(), i.shape());
        }

        @Override
        public String toString() {
            return "ScatterAdd.apply(" + TensorGen.describe(x) + ", " + i + ")";
        }
    }

    @Override
    Gen<Case> cases() {
        return CASES;
    }

    /** out[idx with its axis entry replaced by index[idx]] += x[idx]. */
    @Override
    Ref.Expected reference(Case c) {
        int[] shape = c.i().shape();
        double[] out = new double[Ref.size(shape)];
        for (int o = 0; o < c.x().data.length; o++) {
            int[] idx = Ref.unravel(o, c.x().shape);
            if (idx.length > 0) {
                idx[c.i().resolvedAxis()] = c.i().index()[o];
            }
            out[Ref.ravel(idx, shape)] += c.x().data[o];
        }
        return new Ref.Expected(shape, out);
    }

}
