package org.autograd4j.core;

import static org.autograd4j.core.TensorGen.tensors;
import static org.autograd4j.core.TensorGen.uniform;
import static org.quicktheories.QuickTheory.qt;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** {@link Tanh}: the hyperbolic tangent, elementwise. */
class TanhProperties {
    /** Values on both sides of 0, not so large that tanh saturates. */
    private static final Gen<Tensor> INPUTS = tensors(uniform(-3, 3));

    private static Tensor op(List<Tensor> in) {
        return in.get(0).tanh();
    }

    private static double reference(double v) {
        return Math.tanh(v);
    }

    @Test
    void gradientMatchesCentralDifferences() {
        qt().withExamples(60).forAll(INPUTS).checkAssert(x -> OpChecks.gradcheck(TanhProperties::op, x));
    }

    @Test
    void gradientHasInputShape() {
        qt().withExamples(40).forAll(INPUTS).checkAssert(x -> OpChecks.gradHasInputShape(TanhProperties::op, x));
    }

    @Test
    void forwardMatchesReference() {
        qt().withExamples(60).forAll(INPUTS)
                .checkAssert(x -> OpChecks.assertMatches(Ref.map(x, TanhProperties::reference), op(List.of(x))));
    }

    @Test
    void float32StaysFloat32() {
        qt().withExamples(40).forAll(INPUTS).checkAssert(x -> OpChecks.assertFloat32Unary(
                TanhProperties::op, TanhProperties::reference, x));
    }

    @Test
    void secondOrderMatchesCentralDifferences() {
        qt().withExamples(40).forAll(INPUTS).checkAssert(x -> OpChecks.gradcheckSecondOrder(TanhProperties::op, x));
    }
}
