package org.autograd4j.core;

import static org.quicktheories.QuickTheory.qt;

import java.util.List;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * The five properties of a reduction over a set of axes, for ops and composites alike: gradient and second-order
 * gradient (of the squared result, so linear reductions are exercised too) against central differences, gradient
 * shape, forward against a plain-Java reference over the grouped values ({@link AxesGen#reduce}), and FLOAT32 against
 * FLOAT64. A subclass supplies the cases, the op and the reference.
 */
abstract class ReductionProperties {
    abstract Gen<AxesGen.Case> cases();

    abstract Tensor apply(Tensor x, AxesGen.Case c);

    abstract double reference(double[] values, AxesGen.Case c);

    private static java.util.function.Function<List<Tensor>, Tensor> op(ReductionProperties p, AxesGen.Case c) {
        return in -> p.apply(in.get(0), c);
    }

    @Test
    void gradientMatchesCentralDifferences() {
        qt().withExamples(40).forAll(cases()).checkAssert(c -> OpChecks.gradcheck(op(this, c), c.x()));
    }

    @Test
    void gradientHasInputShape() {
        qt().withExamples(20).forAll(cases()).checkAssert(c -> OpChecks.gradHasInputShape(op(this, c), c.x()));
    }

    @Test
    void forwardMatchesReference() {
        qt().withExamples(40).forAll(cases()).checkAssert(c -> {
            ToDoubleFunction<double[]> f = v -> reference(v, c);
            OpChecks.assertMatches(AxesGen.reduce(c, f), apply(c.x(), c));
        });
    }

    @Test
    void float32MatchesFloat64() {
        qt().withExamples(20).forAll(cases()).checkAssert(c -> OpChecks.assertFloat32MatchesFloat64(op(this, c),
                c.x()));
    }

    @Test
    void secondOrderMatchesCentralDifferences() {
        qt().withExamples(25).forAll(cases()).checkAssert(c -> OpChecks.gradcheckSecondOrder(
                in -> apply(in.get(0), c).square(), c.x()));
    }
}
