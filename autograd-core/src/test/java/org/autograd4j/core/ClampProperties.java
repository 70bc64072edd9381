package org.autograd4j.core;

import static org.autograd4j.core.TensorGen.grid;
import static org.autograd4j.core.TensorGen.tensors;
import static org.quicktheories.QuickTheory.qt;

import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** {@link Clamp}: each value limited to {@code [lo, hi]}. */
class ClampProperties {
    /** Values on one grid, bounds on the other: every value is at least 0.15 from both bounds. */
    private static final Gen<Tensor> INPUTS = tensors(grid(0.25));
    private static final Gen<double[]> BOUNDS = grid(0).zip(grid(0), (a, b) -> new double[] {Math.min(a, b),
        Math.max(a, b)}).describedAs(b -> "[lo=" + b[0] + ", hi=" + b[1] + "]");

    private static Function<List<Tensor>, Tensor> op(double[] b) {
        return in -> in.get(0).clamp(b[0], b[1]);
    }

    @Test
    void gradientMatchesCentralDifferences() {
        qt().withExamples(60).forAll(INPUTS, BOUNDS).checkAssert((x, b) -> OpChecks.gradcheck(op(b), x));
    }

    @Test
    void gradientHasInputShape() {
        qt().withExamples(40).forAll(INPUTS, BOUNDS).checkAssert((x, b) -> OpChecks.gradHasInputShape(op(b), x));
    }

    @Test
    void forwardMatchesReference() {
        qt().withExamples(60).forAll(INPUTS, BOUNDS).checkAssert((x, b) -> OpChecks.assertMatches(
                Ref.map(x, v -> Math.min(Math.max(v, b[0]), b[1])), x.clamp(b[0], b[1])));
    }

    @Test
    void float32StaysFloat32() {
        qt().withExamples(40).forAll(INPUTS, BOUNDS).checkAssert((x, b) -> OpChecks.assertFloat32Unary(
                op(b), v -> Math.min(Math.max(v, b[0]), b[1]), x));
    }

    @Test
    void secondOrderMatchesCentralDifferences() {
        qt().withExamples(40).forAll(INPUTS, BOUNDS).checkAssert((x, b) -> OpChecks.gradcheckSecondOrder(
                in -> in.get(0).clamp(b[0], b[1]).square(), x));
    }
}
