package org.autograd4j.core;

import static org.autograd4j.core.TensorGen.pairs;
import static org.autograd4j.core.TensorGen.tensors;
import static org.autograd4j.core.TensorGen.signed;
import static org.autograd4j.core.TensorGen.uniform;
import static org.quicktheories.QuickTheory.qt;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** {@link Div}: {@code x / y} and {@code x / c}, broadcasting. */
class DivProperties {
    /** Divisors at least 0.5 from the pole at 0. */
    private static final Gen<TensorGen.Inputs> PAIRS = pairs(uniform(-2, 2), signed(0.5, 2));
    private static final Gen<Double> CONSTANTS = signed(0.5, 2);

    private static Tensor op(List<Tensor> in) {
        return in.get(0).div(in.get(1));
    }

    private static double reference(double a, double b) {
        return a / b;
    }

    @Test
    void gradientMatchesCentralDifferences() {
        qt().withExamples(60).forAll(PAIRS).checkAssert(p -> OpChecks.gradcheck(DivProperties::op, p.get(0),
                p.get(1)));
    }

    @Test
    void gradientHasInputShape() {
        qt().withExamples(60).forAll(PAIRS).checkAssert(p -> OpChecks.gradHasInputShape(DivProperties::op, p.get(0),
                p.get(1)));
    }

    @Test
    void forwardMatchesReference() {
        qt().withExamples(60).forAll(PAIRS).checkAssert(p -> OpChecks.assertMatches(
                Ref.zip(p.get(0), p.get(1), DivProperties::reference), op(p.list())));
    }

    @Test
    void doubleVariantMatchesReferenceAndGradient() {
        qt().withExamples(40).forAll(tensors(uniform(-2, 2)), CONSTANTS).checkAssert((x, c) -> {
            OpChecks.assertMatches(Ref.map(x, v -> reference(v, c)), x.div(c));
            OpChecks.gradcheck(in -> in.get(0).div(c), x);
        });
    }

    @Test
    void secondOrderMatchesCentralDifferences() {
        qt().withExamples(40).forAll(PAIRS).checkAssert(p -> {
            OpChecks.gradcheckSecondOrder(DivProperties::op, p.get(0), p.get(1));
            OpChecks.gradcheckSecondOrder(in -> op(in).square(), p.get(0), p.get(1));
        });
    }

    @Test
    void float32Promotes() {
        qt().withExamples(40).forAll(PAIRS, CONSTANTS).checkAssert((p, c) -> OpChecks.assertFloat32Promotion(
                Tensor::div, Tensor::div, DivProperties::reference, p.get(0), p.get(1), c));
    }
}
