package org.autograd4j.core;

import static org.autograd4j.core.TensorGen.pairs;
import static org.autograd4j.core.TensorGen.tensors;
import static org.autograd4j.core.TensorGen.uniform;
import static org.quicktheories.QuickTheory.qt;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** {@link Mul}: {@code x * y} and {@code x * c}, broadcasting. */
class MulProperties {
    /** Any values: the product is smooth. */
    private static final Gen<TensorGen.Inputs> PAIRS = pairs(uniform(-2, 2), uniform(-2, 2));
    private static final Gen<Double> CONSTANTS = uniform(-2, 2);

    private static Tensor op(List<Tensor> in) {
        return in.get(0).mul(in.get(1));
    }

    private static double reference(double a, double b) {
        return a * b;
    }

    @Test
    void gradientMatchesCentralDifferences() {
        qt().withExamples(60).forAll(PAIRS).checkAssert(p -> OpChecks.gradcheck(MulProperties::op, p.get(0),
                p.get(1)));
    }

    @Test
    void gradientHasInputShape() {
        qt().withExamples(60).forAll(PAIRS).checkAssert(p -> OpChecks.gradHasInputShape(MulProperties::op, p.get(0),
                p.get(1)));
    }

    @Test
    void forwardMatchesReference() {
        qt().withExamples(60).forAll(PAIRS).checkAssert(p -> OpChecks.assertMatches(
                Ref.zip(p.get(0), p.get(1), MulProperties::reference), op(p.list())));
    }

    @Test
    void doubleVariantMatchesReferenceAndGradient() {
        qt().withExamples(40).forAll(tensors(uniform(-2, 2)), CONSTANTS).checkAssert((x, c) -> {
            OpChecks.assertMatches(Ref.map(x, v -> reference(v, c)), x.mul(c));
            OpChecks.gradcheck(in -> in.get(0).mul(c), x);
        });
    }

    @Test
    void secondOrderMatchesCentralDifferences() {
        qt().withExamples(40).forAll(PAIRS).checkAssert(p -> {
            OpChecks.gradcheckSecondOrder(MulProperties::op, p.get(0), p.get(1));
            OpChecks.gradcheckSecondOrder(in -> op(in).square(), p.get(0), p.get(1));
        });
    }

    @Test
    void float32Promotes() {
        qt().withExamples(40).forAll(PAIRS, CONSTANTS).checkAssert((p, c) -> OpChecks.assertFloat32Promotion(
                Tensor::mul, Tensor::mul, MulProperties::reference, p.get(0), p.get(1), c));
    }
}
