package org.autograd4j.core;

import static org.autograd4j.core.TensorGen.tensors;
import static org.autograd4j.core.TensorGen.uniform;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** {@link LogSumExp}: {@code logSumExp(axis, keepDim)}, computed without overflow. */
class LogSumExpProperties {
    private static final Gen<Reduction> REDUCTIONS = tensors(1, 3, uniform(-3, 3)).zip(integers().between(-3, 2),
            booleans().all(), (x, a, keep) -> new Reduction(x, TensorGen.axis(a, x.rank()), keep));

    record Reduction(Tensor x, int axis, boolean keepDim) {
        Tensor apply(Tensor t) {
            return t.logSumExp(axis, keepDim);
        }

        Ref.Expected reference() {
            return Ref.reduce(x, Math.floorMod(axis, x.rank()), keepDim, Ref::logSumExp);
        }

        @Override
        public String toString() {
            return TensorGen.describe(x) + ".logSumExp(" + axis + ", keepDim " + keepDim + ")";
        }
    }

    @Test
    void gradientMatchesCentralDifferences() {
        qt().withExamples(60).forAll(REDUCTIONS).checkAssert(r -> OpChecks.gradcheck(in -> r.apply(in.get(0)), r.x()));
    }

    @Test
    void gradientHasInputShape() {
        qt().withExamples(60).forAll(REDUCTIONS).checkAssert(r -> OpChecks.gradHasInputShape(in -> r.apply(in.get(0)),
                r.x()));
    }

    @Test
    void forwardMatchesReference() {
        qt().withExamples(60).forAll(REDUCTIONS).checkAssert(r -> OpChecks.assertMatches(r.reference(),
                r.apply(r.x())));
    }

    /** Shifting every value by 1000 (where the naive formula overflows) shifts the result by exactly that. */
    @Test
    void largeValuesDoNotOverflow() {
        qt().withExamples(40).forAll(REDUCTIONS).checkAssert(r -> {
            Ref.Expected e = r.reference();
            double[] shifted = java.util.Arrays.stream(e.data()).map(v -> v + 1000).toArray();
            OpChecks.assertMatches(new Ref.Expected(e.shape(), shifted), r.apply(r.x().add(1000.0)));
        });
    }

    @Test
    void secondOrderMatchesCentralDifferences() {
        qt().withExamples(40).forAll(REDUCTIONS).checkAssert(r -> OpChecks.gradcheckSecondOrder(
                in -> r.apply(in.get(0)), r.x()));
    }

    /** {@code logSumExp()} over all elements (0-d tensors included), large values too, first and second order. */
    @Test
    void overAllElements() {
        qt().withExamples(40).forAll(tensors(uniform(-2, 2))).checkAssert(x -> {
            double m = java.util.Arrays.stream(x.data).max().getAsDouble();
            double s = java.util.Arrays.stream(x.data).map(v -> Math.exp(v - m)).sum();
            OpChecks.assertMatches(new Ref.Expected(new int[0], new double[] {m + Math.log(s)}), x.logSumExp());
            OpChecks.assertMatches(new Ref.Expected(new int[0], new double[] {1000 + m + Math.log(s)}),
                    x.add(1000).logSumExp());
            OpChecks.gradcheck(in -> in.get(0).logSumExp(), x);
            OpChecks.gradcheckSecondOrder(in -> in.get(0).logSumExp(), x);
            OpChecks.assertFloat32MatchesFloat64(in -> in.get(0).logSumExp(), x);
        });
    }

    /** {@code logSumExp(int[] axes, keepDims)}: any set of axes, 0-d tensors included; values up to ±20. */
    @Nested
    class OverAxes extends ReductionProperties {
        @Override
        Gen<AxesGen.Case> cases() {
            return AxesGen.cases(uniform(-20, 20));
        }

        @Override
        Tensor apply(Tensor x, AxesGen.Case c) {
            return x.logSumExp(c.axes(), c.keepDims());
        }

        @Override
        double reference(double[] values, AxesGen.Case c) {
            double m = java.util.Arrays.stream(values).max().getAsDouble();
            return m + Math.log(java.util.Arrays.stream(values).map(v -> Math.exp(v - m)).sum());
        }
    }
}
