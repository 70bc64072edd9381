package org.autograd4j.core;

import static org.autograd4j.core.TensorGen.distinct;
import static org.autograd4j.core.TensorGen.shapes;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** {@link Max}: {@code max} and {@code min}, along an axis (keepDim both ways) or over all elements. */
class MaxProperties {
    /** Distinct values, at least 0.2 apart: no tie, so the extreme (and the gradient) is never in doubt. */
    private static final Gen<Reduction> REDUCTIONS = shapes(1, 3).flatMap(s -> distinct(s).zip(
            integers().between(-3, 2), booleans().all(), booleans().all(),
            (x, a, keep, min) -> new Reduction(x, TensorGen.axis(a, x.rank()), keep, min)));

    record Reduction(Tensor x, int axis, boolean keepDim, boolean min) {
        Tensor apply(Tensor t) {
            return min ? t.min(axis, keepDim) : t.max(axis, keepDim);
        }

        Ref.Expected reference() {
            return Ref.reduce(x, Math.floorMod(axis, x.rank()), keepDim, v -> min ? Arrays.stream(v).min().orElseThrow()
                    : Arrays.stream(v).max().orElseThrow());
        }

        @Override
        public String toString() {
            return TensorGen.describe(x) + (min ? ".min(" : ".max(") + axis + ", keepDim " + keepDim + ")";
        }
    }

    @Test
    void gradientMatchesCentralDifferences() {
        qt().withExamples(60).forAll(REDUCTIONS).checkAssert(r -> {
            OpChecks.gradcheck(in -> r.apply(in.get(0)), r.x());
            OpChecks.gradcheck(in -> r.min() ? in.get(0).min() : in.get(0).max(), r.x());
        });
    }

    @Test
    void gradientHasInputShape() {
        qt().withExamples(60).forAll(REDUCTIONS).checkAssert(r -> OpChecks.gradHasInputShape(in -> r.apply(in.get(0)),
                r.x()));
    }

    @Test
    void forwardMatchesReference() {
        qt().withExamples(60).forAll(REDUCTIONS).checkAssert(r -> {
            OpChecks.assertMatches(r.reference(), r.apply(r.x()));
            double all = r.min() ? Arrays.stream(r.x().data).min().orElseThrow()
                    : Arrays.stream(r.x().data).max().orElseThrow();
            OpChecks.assertMatches(new Ref.Expected(new int[0], new double[] {all}), r.min() ? r.x().min()
                    : r.x().max());
        });
    }

    /** On a tie the first extreme element along the axis takes the whole gradient, as in PyTorch. */
    @Test
    void tiesSendTheGradientToTheFirstExtreme() {
        Gen<Integer> axes = integers().between(0, 2);
        qt().withExamples(40).forAll(shapes(1, 3), axes, booleans().all()).checkAssert((s, a, min) -> {
            int axis = a % s.length;
            Tensor x = Tensor.full(0.5, Arrays.stream(s).asLongStream().toArray()).requiresGrad(true);
            (min ? x.min(axis, false) : x.max(axis, false)).sum().backward();
            double[] expected = new double[x.data.length];
            for (int i = 0; i < expected.length; i++) {
                expected[i] = Ref.unravel(i, s)[axis] == 0 ? 1.0 : 0.0;
            }
            assertArrayEquals(expected, x.grad().toDoubleArray());
        });
    }

    @Test
    void secondOrderMatchesCentralDifferences() {
        qt().withExamples(40).forAll(REDUCTIONS).checkAssert(r -> OpChecks.gradcheckSecondOrder(
                in -> r.apply(in.get(0)).square(), r.x()));
    }
}
