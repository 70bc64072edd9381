package org.autograd4j.core;

import static org.autograd4j.core.TensorGen.tensors;
import static org.autograd4j.core.TensorGen.uniform;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;

import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** {@link Sum}: {@code sum()}, {@code sum(axis, keepDim)}, and {@code mean} (a sum times a constant). */
class SumProperties {
    private static final Gen<Tensor> INPUTS = tensors(uniform(-2, 2));
    /** Every reduction of a tensor of rank 1 to 3: all, or one axis (maybe negative) with and without keepDim. */
    private static final Gen<Reduction> REDUCTIONS = tensors(1, 3, uniform(-2, 2)).zip(integers().between(-3, 2),
            booleans().all(), booleans().all(), (x, a, keep, mean) -> new Reduction(x, TensorGen.axis(a, x.rank()),
                    keep, mean));

    record Reduction(Tensor x, int axis, boolean keepDim, boolean mean) {
        Tensor apply(Tensor t) {
            return mean ? t.mean(axis, keepDim) : t.sum(axis, keepDim);
        }

        Ref.Expected reference() {
            int n = x.shape[Math.floorMod(axis, x.rank())];
            return Ref.reduce(x, Math.floorMod(axis, x.rank()), keepDim, v -> Ref.sum(v) / (mean ? n : 1));
        }

        @Override
        public String toString() {
            return TensorGen.describe(x) + (mean ? ".mean(" : ".sum(") + axis + ", keepDim " + keepDim + ")";
        }
    }

    private static Function<List<Tensor>, Tensor> op(Reduction r) {
        return in -> r.apply(in.get(0));
    }

    @Test
    void gradientMatchesCentralDifferences() {
        qt().withExamples(60).forAll(REDUCTIONS).checkAssert(r -> OpChecks.gradcheck(op(r), r.x()));
        qt().withExamples(30).forAll(INPUTS).checkAssert(x -> {
            OpChecks.gradcheck(in -> in.get(0).sum(), x);
            OpChecks.gradcheck(in -> in.get(0).mean(), x);
        });
    }

    @Test
    void gradientHasInputShape() {
        qt().withExamples(60).forAll(REDUCTIONS).checkAssert(r -> OpChecks.gradHasInputShape(op(r), r.x()));
        qt().withExamples(30).forAll(INPUTS).checkAssert(x -> OpChecks.gradHasInputShape(in -> in.get(0).sum(), x));
    }

    /** FLOAT32 sums (the one-axis sum reads the floats directly) agree with FLOAT64 ones, values and gradients. */
    @Test
    void float32MatchesFloat64() {
        qt().withExamples(60).forAll(REDUCTIONS).checkAssert(r -> OpChecks.assertFloat32MatchesFloat64(op(r), r.x()));
    }

    @Test
    void forwardMatchesReference() {
        qt().withExamples(60).forAll(REDUCTIONS).checkAssert(r -> OpChecks.assertMatches(r.reference(),
                r.apply(r.x())));
        qt().withExamples(40).forAll(INPUTS).checkAssert(x -> {
            OpChecks.assertMatches(new Ref.Expected(new int[0], new double[] {Ref.sum(x.data)}), x.sum());
            OpChecks.assertMatches(new Ref.Expected(new int[0], new double[] {Ref.sum(x.data) / x.data.length}),
                    x.mean());
        });
    }

    /** Several axes at once, as the backward walk uses it to undo broadcasting. */
    @Test
    void manyAxesMatchReferenceAndGradient() {
        qt().withExamples(60).forAll(tensors(1, 3, uniform(-2, 2)), integers().between(0, 7), booleans().all())
                .checkAssert((x, bits, keep) -> {
                    int[] axes = java.util.stream.IntStream.range(0, x.rank()).filter(a -> (bits >> a & 1) == 1)
                            .toArray();
                    Tensor kept = x;
                    for (int a : axes) {
                        kept = new Tensor(Ref.reduce(kept, a, true, Ref::sum).data(), Shapes.with(kept.shape, a, 1),
                                DType.FLOAT64);
                    }
                    int[] shape = keep ? kept.shape : java.util.stream.IntStream.range(0, x.rank())
                            .filter(a -> (bits >> a & 1) == 0).map(a -> x.shape[a]).toArray();
                    OpChecks.assertMatches(new Ref.Expected(shape, kept.data), Sum.apply(x, axes, keep));
                    OpChecks.gradcheck(in -> Sum.apply(in.get(0), axes, keep), x);
                    OpChecks.gradHasInputShape(in -> Sum.apply(in.get(0), axes, keep), x);
                });
    }

    @Test
    void secondOrderMatchesCentralDifferences() {
        qt().withExamples(40).forAll(REDUCTIONS).checkAssert(r -> OpChecks.gradcheckSecondOrder(
                in -> r.apply(in.get(0)).square(), r.x()));
        qt().withExamples(20).forAll(INPUTS).checkAssert(x -> OpChecks.gradcheckSecondOrder(
                in -> in.get(0).mean().square(), x));
    }

    /** {@code sum(int[] axes, keepDims)}: any set of axes, written with either sign, 0-d tensors included. */
    @Nested
    class OverAxes extends ReductionProperties {
        @Override
        Gen<AxesGen.Case> cases() {
            return AxesGen.cases(uniform(-2, 2));
        }

        @Override
        Tensor apply(Tensor x, AxesGen.Case c) {
            return x.sum(c.axes(), c.keepDims());
        }

        @Override
        double reference(double[] values, AxesGen.Case c) {
            return Ref.sum(values);
        }
    }

    /** {@code mean(int[] axes, keepDims)}, a sum times a constant. */
    @Nested
    class MeanOverAxes extends ReductionProperties {
        @Override
        Gen<AxesGen.Case> cases() {
            return AxesGen.cases(uniform(-2, 2));
        }

        @Override
        Tensor apply(Tensor x, AxesGen.Case c) {
            return x.mean(c.axes(), c.keepDims());
        }

        @Override
        double reference(double[] values, AxesGen.Case c) {
            return Ref.sum(values) / values.length;
        }
    }
}
