package org.autograd4j.core;

import static org.autograd4j.core.TensorGen.tensors;
import static org.autograd4j.core.TensorGen.uniform;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;

import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** {@link LogSoftmax}: {@code logSoftmax(axis)}, and {@code softmax(axis)} built on it. */
class LogSoftmaxProperties {
    private static final Gen<Case> CASES = tensors(1, 3, uniform(-3, 3)).zip(integers().between(-3, 2),
            booleans().all(), (x, a, soft) -> new Case(x, TensorGen.axis(a, x.rank()), soft));

    record Case(Tensor x, int axis, boolean softmax) {
        Tensor apply(Tensor t) {
            return softmax ? t.softmax(axis) : t.logSoftmax(axis);
        }

        /** {@code x - log Σ exp(x)} along the axis (exponentiated for softmax). */
        Ref.Expected reference() {
            int a = Math.floorMod(axis, x.rank());
            double[] out = new double[x.data.length];
            for (int i = 0; i < out.length; i++) {
                double v = x.data[i] - Ref.logSumExp(Ref.lane(x, a, Ref.unravel(i, x.shape)));
                out[i] = softmax ? Math.exp(v) : v;
            }
            return new Ref.Expected(x.shape, out);
        }

        @Override
        public String toString() {
            return TensorGen.describe(x) + (softmax ? ".softmax(" : ".logSoftmax(") + axis + ")";
        }
    }

    @Test
    void gradientMatchesCentralDifferences() {
        qt().withExamples(60).forAll(CASES).checkAssert(c -> OpChecks.gradcheck(in -> c.apply(in.get(0)), c.x()));
    }

    @Test
    void gradientHasInputShape() {
        qt().withExamples(60).forAll(CASES).checkAssert(c -> OpChecks.gradHasInputShape(in -> c.apply(in.get(0)),
                c.x()));
    }

    /** FLOAT32 log-softmax agrees with FLOAT64, values and gradients (the fused backward included). */
    @Test
    void float32MatchesFloat64() {
        qt().withExamples(60).forAll(CASES).checkAssert(c -> OpChecks.assertFloat32MatchesFloat64(
                in -> c.apply(in.get(0)), c.x()));
    }

    @Test
    void forwardMatchesReference() {
        qt().withExamples(60).forAll(CASES).checkAssert(c -> OpChecks.assertMatches(c.reference(), c.apply(c.x())));
    }

    /** Large values: the stable formula gives the same result as for the values shifted back. */
    @Test
    void largeValuesDoNotOverflow() {
        qt().withExamples(40).forAll(CASES).checkAssert(c -> OpChecks.assertMatches(c.reference(),
                c.apply(c.x().add(1000.0))));
    }

    @Test
    void secondOrderMatchesCentralDifferences() {
        qt().withExamples(40).forAll(CASES).checkAssert(c -> OpChecks.gradcheckSecondOrder(in -> c.apply(in.get(0)),
                c.x()));
    }
}
