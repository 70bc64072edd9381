package org.autograd4j.core;

import static org.autograd4j.core.TensorGen.tensors;
import static org.autograd4j.core.TensorGen.uniform;
import static org.quicktheories.QuickTheory.qt;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** {@link Neg}: {@code -x}, elementwise. */
class NegProperties {
    /** Any values: negation is smooth. */
    private static final Gen<Tensor> INPUTS = tensors(uniform(-2, 2));

    private static Tensor op(List<Tensor> in) {
        return in.get(0).neg();
    }

    private static double reference(double v) {
        return -v;
    }

    @Test
    void gradientMatchesCentralDifferences() {
        qt().withExamples(60).forAll(INPUTS).checkAssert(x -> OpChecks.gradcheck(NegProperties::op, x));
    }

    @Test
    void gradientHasInputShape() {
        qt().withExamples(40).forAll(INPUTS).checkAssert(x -> OpChecks.gradHasInputShape(NegProperties::op, x));
    }

    @Test
    void forwardMatchesReference() {
        qt().withExamples(60).forAll(INPUTS)
                .checkAssert(x -> OpChecks.assertMatches(Ref.map(x, NegProperties::reference), op(List.of(x))));
    }

    @Test
    void float32StaysFloat32() {
        qt().withExamples(40).forAll(INPUTS).checkAssert(x -> OpChecks.assertFloat32Unary(
                NegProperties::op, NegProperties::reference, x));
    }

    @Test
    void secondOrderMatchesCentralDifferences() {
        qt().withExamples(40).forAll(INPUTS).checkAssert(x -> OpChecks.gradcheckSecondOrder(
                in -> op(in).square(), x));
    }
}
