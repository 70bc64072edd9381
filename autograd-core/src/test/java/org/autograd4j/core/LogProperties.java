package org.autograd4j.core;

import static org.autograd4j.core.TensorGen.tensors;
import static org.autograd4j.core.TensorGen.uniform;
import static org.quicktheories.QuickTheory.qt;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** {@link Log}: the natural logarithm, elementwise. */
class LogProperties {
    /** Positive and at least 0.1: away from the pole at 0. */
    private static final Gen<Tensor> INPUTS = tensors(uniform(0.1, 3));

    private static Tensor op(List<Tensor> in) {
        return in.get(0).log();
    }

    private static double reference(double v) {
        return Math.log(v);
    }

    @Test
    void gradientMatchesCentralDifferences() {
        qt().withExamples(60).forAll(INPUTS).checkAssert(x -> OpChecks.gradcheck(LogProperties::op, x));
    }

    @Test
    void gradientHasInputShape() {
        qt().withExamples(40).forAll(INPUTS).checkAssert(x -> OpChecks.gradHasInputShape(LogProperties::op, x));
    }

    @Test
    void forwardMatchesReference() {
        qt().withExamples(60).forAll(INPUTS)
                .checkAssert(x -> OpChecks.assertMatches(Ref.map(x, LogProperties::reference), op(List.of(x))));
    }

    @Test
    void float32StaysFloat32() {
        qt().withExamples(40).forAll(INPUTS).checkAssert(x -> OpChecks.assertFloat32Unary(
                LogProperties::op, LogProperties::reference, x));
    }

    @Test
    void secondOrderMatchesCentralDifferences() {
        qt().withExamples(40).forAll(INPUTS).checkAssert(x -> OpChecks.gradcheckSecondOrder(LogProperties::op, x));
    }
}
