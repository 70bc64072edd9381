package org.autograd4j.core;

import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * {@code maskedFill}, a composite ({@link Where} with a constant): the mask and the input broadcast together, so the
 * mask may also grow the result, as PyTorch's {@code masked_fill} does.
 */
class MaskedFillProperties {
    private static final double VALUE = -7.5;
    /** An input and a 0/1 mask of shapes that broadcast together (either may be the larger). */
    private static final Gen<TensorGen.Inputs> CASES = TensorGen.broadcastShapes(2).flatMap(s -> {
        return TensorGen.tensorOf(s[0], TensorGen.uniform(-2, 2)).zip(TensorGen.tensorOf(s[1],
                integers().between(0, 1).map(Integer::doubleValue)), TensorGen.Inputs::of);
    });

    private static Tensor op(List<Tensor> in, Tensor mask) {
        return in.get(0).maskedFill(mask, VALUE);
    }

    @Test
    void gradientMatchesCentralDifferences() {
        qt().withExamples(40).forAll(CASES).checkAssert(c -> OpChecks.gradcheck(in -> op(in, c.get(1)), c.get(0)));
    }

    @Test
    void gradientHasInputShape() {
        qt().withExamples(30).forAll(CASES).checkAssert(c -> OpChecks.gradHasInputShape(in -> op(in, c.get(1)),
                c.get(0)));
    }

    @Test
    void forwardMatchesReference() {
        qt().withExamples(40).forAll(CASES).checkAssert(c -> {
            Tensor x = c.get(0);
            int[] shape = Ref.broadcastShape(x.shape, c.get(1).shape);
            double[] e = new double[Shapes.size(shape)];
            for (int i = 0; i < e.length; i++) {
                int[] idx = Ref.unravel(i, shape);
                e[i] = Ref.at(c.get(1), idx) != 0 ? VALUE : Ref.at(x, idx);
            }
            OpChecks.assertMatches(new Ref.Expected(shape, e), x.maskedFill(c.get(1), VALUE));
        });
    }

    @Test
    void float32MatchesFloat64() {
        qt().withExamples(20).forAll(CASES).checkAssert(c -> OpChecks.assertFloat32MatchesFloat64(
                in -> op(in, c.get(1)), c.get(0)));
    }

    /** The input appears squared, so the second derivative is not zero where the mask lets the gradient through. */
    @Test
    void secondOrderMatchesCentralDifferences() {
        qt().withExamples(30).forAll(CASES).checkAssert(c -> OpChecks.gradcheckSecondOrder(
                in -> op(in, c.get(1)).square(), c.get(0)));
    }

    /**
     * PyTorch 2.13: {@code torch.ones(1, 1, 1).masked_fill(mask of shape [3, 1, 1] = 0, 0, 1, -2.5)} has shape
     * [3, 1, 1] and, summed, gives the input the gradient 2 (the two unmasked copies); found by the differential fuzzer.
     */
    @Test
    void maskMayGrowTheShapeAsPyTorch() {
        Tensor x = Tensor.ones(1, 1, 1).requiresGrad(true);
        Tensor y = x.maskedFill(Tensor.of(new double[] {0, 0, 1}, 3, 1, 1), -2.5);
        org.junit.jupiter.api.Assertions.assertArrayEquals(new long[] {3, 1, 1}, y.shape());
        org.junit.jupiter.api.Assertions.assertArrayEquals(new double[] {1, 1, -2.5}, y.toDoubleArray());
        y.sum().backward();
        org.junit.jupiter.api.Assertions.assertArrayEquals(new double[] {2}, x.grad().toDoubleArray());
    }

    @Test
    void maskMustBroadcast() {
        ErrorMessagesTest.argument("maskedFill: mask must not be null", () -> Tensor.zeros(3).maskedFill(null, 0));
        ErrorMessagesTest.argument("maskedFill: shapes [2, 3] and [2] cannot broadcast",
                () -> Tensor.zeros(2).maskedFill(Tensor.ones(2, 3), 0));
    }
}
