package org.autograd4j.core;

import static org.autograd4j.core.TensorGen.tensorOf;
import static org.autograd4j.core.TensorGen.uniform;

import static org.quicktheories.QuickTheory.qt;

import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
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


    /** The public {@code scatterAdd(axis, index, src)}: the input plus src added at the index's places. */
    @Nested
    class Public {
        private Function<List<Tensor>, Tensor> op(ScatterProperties.Case c) {
            return in -> in.get(0).scatterAdd(c.axis(), c.index(), in.get(1));
        }

        @Test
        void gradientMatchesCentralDifferences() {
            qt().withExamples(40).forAll(ScatterProperties.CASES).checkAssert(c -> OpChecks.gradcheck(op(c), c.x(),
                    c.src()));
        }

        @Test
        void gradientHasInputShape() {
            qt().withExamples(20).forAll(ScatterProperties.CASES).checkAssert(c -> OpChecks.gradHasInputShape(op(c),
                    c.x(), c.src()));
        }

        @Test
        void forwardMatchesReference() {
            qt().withExamples(40).forAll(ScatterProperties.CASES).checkAssert(c -> OpChecks.assertMatches(
                    ScatterProperties.reference(c, true), c.x().scatterAdd(c.axis(), c.index(), c.src())));
        }

        @Test
        void float32MatchesFloat64() {
            qt().withExamples(20).forAll(ScatterProperties.CASES).checkAssert(c ->
                    OpChecks.assertFloat32MatchesFloat64(op(c), c.x(), c.src()));
        }

        @Test
        void secondOrderMatchesCentralDifferences() {
            qt().withExamples(25).forAll(ScatterProperties.CASES).checkAssert(c -> OpChecks.gradcheckSecondOrder(
                    in -> op(c).apply(in).square(), c.x(), c.src()));
        }
    }
}
