package org.autograd4j.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** {@code dot} and {@code outer}, composites (a product and a sum; a broadcast product), of 1-D tensors. */
class DotProperties {
    private static final Gen<TensorGen.Inputs> PAIRS = integers().between(1, 5).flatMap(n -> integers().between(1, 5)
            .flatMap(m -> TensorGen.tensorOf(new int[] {n}, TensorGen.uniform(-2, 2)).zip(TensorGen.tensorOf(
                    new int[] {m}, TensorGen.uniform(-2, 2)), TensorGen.Inputs::of)));
    /** Same length, for dot. */
    private static final Gen<TensorGen.Inputs> SAME = PAIRS.map(p -> {
        int n = Math.min(p.get(0).length(), p.get(1).length());
        return TensorGen.Inputs.of(p.get(0).slice(0, 0, n), p.get(1).slice(0, 0, n));
    });

    private static Tensor dot(List<Tensor> in) {
        return in.get(0).dot(in.get(1));
    }

    private static Tensor outer(List<Tensor> in) {
        return in.get(0).outer(in.get(1));
    }

    @Test
    void gradientsMatchCentralDifferences() {
        qt().withExamples(30).forAll(SAME).checkAssert(p -> OpChecks.gradcheck(DotProperties::dot, p.get(0), p.get(1)));
        qt().withExamples(30).forAll(PAIRS).checkAssert(p -> OpChecks.gradcheck(DotProperties::outer, p.get(0),
                p.get(1)));
    }

    @Test
    void gradientsHaveInputShapes() {
        qt().withExamples(20).forAll(SAME).checkAssert(p -> OpChecks.gradHasInputShape(DotProperties::dot, p.get(0),
                p.get(1)));
        qt().withExamples(20).forAll(PAIRS).checkAssert(p -> OpChecks.gradHasInputShape(DotProperties::outer,
                p.get(0), p.get(1)));
    }

    @Test
    void forwardMatchesReference() {
        qt().withExamples(30).forAll(SAME).checkAssert(p -> {
            double s = 0;
            for (int i = 0; i < p.get(0).length(); i++) {
                s += p.get(0).at(i) * p.get(1).at(i);
            }
            OpChecks.assertMatches(new Ref.Expected(new int[0], new double[] {s}), p.get(0).dot(p.get(1)));
        });
        qt().withExamples(30).forAll(PAIRS).checkAssert(p -> {
            int n = p.get(0).length();
            int m = p.get(1).length();
            double[] out = new double[n * m];
            for (int i = 0; i < out.length; i++) {
                out[i] = p.get(0).at(i / m) * p.get(1).at(i % m);
            }
            OpChecks.assertMatches(new Ref.Expected(new int[] {n, m}, out), p.get(0).outer(p.get(1)));
        });
    }

    @Test
    void float32MatchesFloat64() {
        qt().withExamples(20).forAll(SAME).checkAssert(p -> OpChecks.assertFloat32MatchesFloat64(DotProperties::dot,
                p.get(0), p.get(1)));
        qt().withExamples(20).forAll(PAIRS).checkAssert(p -> OpChecks.assertFloat32MatchesFloat64(
                DotProperties::outer, p.get(0), p.get(1)));
    }

    /** Bilinear: the second derivative couples the two inputs. */
    @Test
    void secondOrderMatchesCentralDifferences() {
        qt().withExamples(20).forAll(SAME).checkAssert(p -> OpChecks.gradcheckSecondOrder(DotProperties::dot,
                p.get(0), p.get(1)));
        qt().withExamples(20).forAll(PAIRS).checkAssert(p -> OpChecks.gradcheckSecondOrder(DotProperties::outer,
                p.get(0), p.get(1)));
    }

    @Test
    void errorsNameTheShapes() {
        assertEquals(11.0, Tensor.of(new double[] {1, 2}).dot(Tensor.of(new double[] {3, 4})).item(), 0.0);
        ErrorMessagesTest.argument("dot: expects two 1-D tensors of the same size, got [3] and [4]",
                () -> Tensor.zeros(3).dot(Tensor.zeros(4)));
        ErrorMessagesTest.argument("dot: expects two 1-D tensors of the same size, got [1, 3] and [3]",
                () -> Tensor.zeros(1, 3).dot(Tensor.zeros(3)));
        ErrorMessagesTest.argument("outer: expects two 1-D tensors, got [2, 3] and [4]",
                () -> Tensor.zeros(2, 3).outer(Tensor.zeros(4)));
    }
}
