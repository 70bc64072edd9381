package org.autograd4j.core;

import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** {@code maskedFill}, a composite ({@link Where} with a constant): a mask that broadcasts to the input's shape. */
class MaskedFillProperties {
    private static final double VALUE = -7.5;
    /** An input and a 0/1 mask whose shape broadcasts to the input's. */
    private static final Gen<TensorGen.Inputs> CASES = TensorGen.broadcastShapes(2).flatMap(s -> {
        int[] shape = Ref.broadcastShape(s[0], s[1]);
        return TensorGen.tensorOf(shape, TensorGen.uniform(-2, 2)).zip(TensorGen.tensorOf(s[1],
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
            double[] e = new double[x.length()];
            for (int i = 0; i < e.length; i++) {
                e[i] = Ref.at(c.get(1), Ref.unravel(i, x.shape)) != 0 ? VALUE : x.at(i);
            }
            OpChecks.assertMatches(new Ref.Expected(x.shape, e), x.maskedFill(c.get(1), VALUE));
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

    @Test
    void maskMustNotGrowTheShape() {
        ErrorMessagesTest.argument("maskedFill: mask of shape [2, 3] does not broadcast to the tensor's shape [3]",
                () -> Tensor.zeros(3).maskedFill(Tensor.ones(2, 3), 0));
        ErrorMessagesTest.argument("maskedFill: shapes [2, 3] and [2] cannot broadcast",
                () -> Tensor.zeros(2).maskedFill(Tensor.ones(2, 3), 0));
    }
}
