package org.autograd4j.core;

import static org.autograd4j.core.TensorGen.tensors;
import static org.autograd4j.core.TensorGen.uniform;
import static org.quicktheories.QuickTheory.qt;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** {@link Softplus}: {@code log(1 + e^x)}, elementwise. */
class SoftplusProperties {
    /** Values on both sides of 0. */
    private static final Gen<Tensor> INPUTS = tensors(uniform(-4, 4));

    private static Tensor op(List<Tensor> in) {
        return in.get(0).softplus();
    }

    private static double reference(double v) {
        return Math.log(1.0 + Math.exp(v));
    }

    @Test
    void gradientMatchesCentralDifferences() {
        qt().withExamples(60).forAll(INPUTS).checkAssert(x -> OpChecks.gradcheck(SoftplusProperties::op, x));
    }

    @Test
    void gradientHasInputShape() {
        qt().withExamples(40).forAll(INPUTS).checkAssert(x -> OpChecks.gradHasInputShape(SoftplusProperties::op, x));
    }

    @Test
    void forwardMatchesReference() {
        qt().withExamples(60).forAll(INPUTS)
                .checkAssert(x -> OpChecks.assertMatches(Ref.map(x, SoftplusProperties::reference), op(List.of(x))));
    }

    @Test
    void float32StaysFloat32() {
        qt().withExamples(40).forAll(INPUTS).checkAssert(x -> OpChecks.assertFloat32Unary(
                SoftplusProperties::op, SoftplusProperties::reference, x));
    }

    @Test
    void secondOrderMatchesCentralDifferences() {
        qt().withExamples(40).forAll(INPUTS).checkAssert(x -> OpChecks.gradcheckSecondOrder(SoftplusProperties::op, x));
    }
}
