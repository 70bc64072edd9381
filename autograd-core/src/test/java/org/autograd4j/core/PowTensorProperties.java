package org.autograd4j.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.quicktheories.QuickTheory.qt;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** {@link PowTensor}: {@code x.pow(y)} with both operands differentiable, broadcasting. */
class PowTensorProperties {
    /** Positive bases (a negative base has a real power only for whole exponents), exponents of both signs. */
    private static final Gen<TensorGen.Inputs> PAIRS = TensorGen.pairs(TensorGen.uniform(0.3, 3),
            TensorGen.uniform(-2, 2));

    private static Tensor op(List<Tensor> in) {
        return in.get(0).pow(in.get(1));
    }

    @Test
    void gradientMatchesCentralDifferences() {
        qt().withExamples(50).forAll(PAIRS).checkAssert(p -> OpChecks.gradcheck(PowTensorProperties::op, p.get(0),
                p.get(1)));
    }

    @Test
    void gradientHasInputShape() {
        qt().withExamples(30).forAll(PAIRS).checkAssert(p -> OpChecks.gradHasInputShape(PowTensorProperties::op,
                p.get(0), p.get(1)));
    }

    @Test
    void forwardMatchesReference() {
        qt().withExamples(40).forAll(PAIRS).checkAssert(p -> OpChecks.assertMatches(Ref.zip(p.get(0), p.get(1),
                Math::pow), p.get(0).pow(p.get(1))));
    }

    @Test
    void float32PromotesAsPyTorch() {
        qt().withExamples(20).forAll(PAIRS).checkAssert(p -> OpChecks.assertFloat32Promotion(Tensor::pow,
                Tensor::pow, Math::pow, p.get(0), p.get(1), 1.5));
    }

    @Test
    void secondOrderMatchesCentralDifferences() {
        qt().withExamples(30).forAll(PAIRS).checkAssert(p -> OpChecks.gradcheckSecondOrder(PowTensorProperties::op,
                p.get(0), p.get(1)));
    }

    /**
     * PyTorch's conventions at the edges: no gradient for the base where the exponent is 0 (0 · 0^-1 would be NaN),
     * none for the exponent where the base is 0 and the exponent is not negative (0 · log 0 would be NaN).
     */
    @Test
    void edgesFollowPyTorch() {
        Tensor x = Tensor.of(new double[] {0, 0, 0, 2}).requiresGrad(true);
        Tensor y = Tensor.of(new double[] {0, 2, 0.5, 0}).requiresGrad(true);
        Tensor out = x.pow(y);
        out.sum().backward();
        assertArrayEquals(new double[] {1, 0, 0, 1}, out.toDoubleArray(), 0.0);
        assertArrayEquals(new double[] {0, 0, Double.POSITIVE_INFINITY, 0}, x.grad().toDoubleArray(), 0.0);
        assertArrayEquals(new double[] {0, 0, 0, Math.log(2)}, y.grad().toDoubleArray(), 1e-15);
    }

    @Test
    void shapesMustBroadcast() {
        ErrorMessagesTest.argument("pow: shapes [2, 3] and [2] cannot broadcast",
                () -> Tensor.ones(2, 3).pow(Tensor.ones(2)));
    }
}
