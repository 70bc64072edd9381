package org.autograd4j.core;

import static org.autograd4j.core.TensorGen.signed;
import static org.autograd4j.core.TensorGen.tensors;
import static org.autograd4j.core.TensorGen.uniform;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.arbitrary;

import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** {@link Pow}: {@code x^p} with a constant exponent (also {@code square}). */
class PowProperties {
    /** Any exponent on bases of at least 0.1 (away from 0, where x^p has a pole or an infinite slope). */
    private static final Gen<Tensor> POSITIVE = tensors(uniform(0.1, 2));
    private static final Gen<Double> ANY_EXPONENT = arbitrary().pick(-1.5, -1.0, -0.5, 0.0, 0.5, 1.0, 2.0, 2.5, 3.0);
    /** Whole exponents are defined for negative bases too (kept 0.5 away from 0 for the negative ones). */
    private static final Gen<Tensor> SIGNED = tensors(signed(0.5, 2));
    private static final Gen<Double> WHOLE_EXPONENT = arbitrary().pick(-2.0, -1.0, 1.0, 2.0, 3.0);

    private static Function<List<Tensor>, Tensor> op(double p) {
        return in -> in.get(0).pow(p);
    }

    @Test
    void gradientMatchesCentralDifferences() {
        qt().withExamples(60).forAll(POSITIVE, ANY_EXPONENT).checkAssert((x, p) -> OpChecks.gradcheck(op(p), x));
        qt().withExamples(40).forAll(SIGNED, WHOLE_EXPONENT).checkAssert((x, p) -> OpChecks.gradcheck(op(p), x));
    }

    @Test
    void gradientHasInputShape() {
        qt().withExamples(40).forAll(POSITIVE, ANY_EXPONENT).checkAssert((x, p) -> OpChecks.gradHasInputShape(op(p),
                x));
    }

    @Test
    void forwardMatchesReference() {
        qt().withExamples(60).forAll(POSITIVE, ANY_EXPONENT).checkAssert((x, p) -> OpChecks.assertMatches(
                Ref.map(x, v -> Math.pow(v, p)), x.pow(p)));
        qt().withExamples(40).forAll(SIGNED).checkAssert(x -> OpChecks.assertMatches(Ref.map(x, v -> v * v),
                x.square()));
    }

    @Test
    void float32StaysFloat32() {
        qt().withExamples(40).forAll(POSITIVE, ANY_EXPONENT).checkAssert((x, p) -> OpChecks.assertFloat32Unary(
                op(p), v -> Math.pow(v, p), x));
    }

    @Test
    void secondOrderMatchesCentralDifferences() {
        qt().withExamples(40).forAll(POSITIVE, ANY_EXPONENT).checkAssert((x, p) -> OpChecks.gradcheckSecondOrder(
                op(p), x));
        qt().withExamples(30).forAll(SIGNED, WHOLE_EXPONENT).checkAssert((x, p) -> OpChecks.gradcheckSecondOrder(
                op(p), x));
    }
}
