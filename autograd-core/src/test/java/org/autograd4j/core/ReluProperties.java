package org.autograd4j.core;

import static org.autograd4j.core.TensorGen.tensors;
import static org.autograd4j.core.TensorGen.signed;
import static org.quicktheories.QuickTheory.qt;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** {@link Relu}: {@code max(x, 0)}, elementwise. */
class ReluProperties {
    /** At least 0.01 from the kink at 0. */
    private static final Gen<Tensor> INPUTS = tensors(signed(0.01, 2));

    private static Tensor op(List<Tensor> in) {
        return in.get(0).relu();
    }

    private static double reference(double v) {
        return Math.max(v, 0.0);
    }

    @Test
    void gradientMatchesCentralDifferences() {
        qt().withExamples(60).forAll(INPUTS).checkAssert(x -> OpChecks.gradcheck(ReluProperties::op, x));
    }

    @Test
    void gradientHasInputShape() {
        qt().withExamples(40).forAll(INPUTS).checkAssert(x -> OpChecks.gradHasInputShape(ReluProperties::op, x));
    }

    @Test
    void forwardMatchesReference() {
        qt().withExamples(60).forAll(INPUTS)
                .checkAssert(x -> OpChecks.assertMatches(Ref.map(x, ReluProperties::reference), op(List.of(x))));
    }

    @Test
    void float32StaysFloat32() {
        qt().withExamples(40).forAll(INPUTS).checkAssert(x -> OpChecks.assertFloat32Unary(
                ReluProperties::op, ReluProperties::reference, x));
    }

    @Test
    void secondOrderMatchesCentralDifferences() {
        qt().withExamples(40).forAll(INPUTS).checkAssert(x -> OpChecks.gradcheckSecondOrder(
                in -> op(in).square(), x));
    }
}
