package org.autograd4j.core;

import static org.autograd4j.core.TensorGen.signed;
import static org.autograd4j.core.TensorGen.tensors;
import static org.autograd4j.core.TensorGen.uniform;
import static org.quicktheories.QuickTheory.qt;

import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** {@link LeakyRelu}: {@code x} for {@code x > 0}, {@code slope * x} otherwise. */
class LeakyReluProperties {
    /** At least 0.01 from the kink at 0. */
    private static final Gen<Tensor> INPUTS = tensors(signed(0.01, 2));
    private static final Gen<Double> SLOPES = uniform(-1, 1);

    private static Function<List<Tensor>, Tensor> op(double slope) {
        return in -> in.get(0).leakyRelu(slope);
    }

    @Test
    void gradientMatchesCentralDifferences() {
        qt().withExamples(60).forAll(INPUTS, SLOPES).checkAssert((x, s) -> OpChecks.gradcheck(op(s), x));
    }

    @Test
    void gradientHasInputShape() {
        qt().withExamples(40).forAll(INPUTS, SLOPES).checkAssert((x, s) -> OpChecks.gradHasInputShape(op(s), x));
    }

    @Test
    void forwardMatchesReference() {
        qt().withExamples(60).forAll(INPUTS, SLOPES).checkAssert((x, s) -> OpChecks.assertMatches(
                Ref.map(x, v -> v > 0 ? v : s * v), x.leakyRelu(s)));
    }

    @Test
    void float32StaysFloat32() {
        qt().withExamples(40).forAll(INPUTS, SLOPES).checkAssert((x, s) -> OpChecks.assertFloat32Unary(
                op(s), v -> v > 0 ? v : s * v, x));
    }

    @Test
    void secondOrderMatchesCentralDifferences() {
        qt().withExamples(40).forAll(INPUTS, SLOPES).checkAssert((x, s) -> OpChecks.gradcheckSecondOrder(
                in -> in.get(0).leakyRelu(s).square(), x));
    }
}
