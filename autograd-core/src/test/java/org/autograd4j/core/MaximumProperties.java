package org.autograd4j.core;

import static org.autograd4j.core.TensorGen.grid;
import static org.autograd4j.core.TensorGen.pairs;
import static org.autograd4j.core.TensorGen.tensors;
import static org.autograd4j.core.TensorGen.uniform;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.quicktheories.QuickTheory.qt;

import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** {@link Maximum}: {@code maximum(x, y)} and {@code minimum(x, y)}, elementwise and broadcasting. */
class MaximumProperties {
    /** x and y on interleaved grids: |x - y| >= 0.15 everywhere, so no tie and no kink is near. */
    private static final Gen<TensorGen.Inputs> PAIRS = pairs(grid(0.25), grid(0));

    private static Function<List<Tensor>, Tensor> op(boolean min) {
        return in -> min ? in.get(0).minimum(in.get(1)) : in.get(0).maximum(in.get(1));
    }

    @Test
    void gradientMatchesCentralDifferences() {
        qt().withExamples(60).forAll(PAIRS).checkAssert(p -> {
            OpChecks.gradcheck(op(false), p.get(0), p.get(1));
            OpChecks.gradcheck(op(true), p.get(0), p.get(1));
        });
    }

    @Test
    void gradientHasInputShape() {
        qt().withExamples(40).forAll(PAIRS).checkAssert(p -> OpChecks.gradHasInputShape(op(false), p.get(0), p.get(1)));
    }

    @Test
    void forwardMatchesReference() {
        qt().withExamples(60).forAll(PAIRS).checkAssert(p -> {
            OpChecks.assertMatches(Ref.zip(p.get(0), p.get(1), Math::max), p.get(0).maximum(p.get(1)));
            OpChecks.assertMatches(Ref.zip(p.get(0), p.get(1), Math::min), p.get(0).minimum(p.get(1)));
        });
    }

    @Test
    void tiesSplitTheGradientEqually() {
        qt().withExamples(40).forAll(tensors(uniform(-2, 2))).checkAssert(x -> {
            List<Tensor> in = OpChecks.leaves(x, x);
            in.get(0).maximum(in.get(1)).sum().backward();
            assertArrayEquals(Ref.map(x, v -> 0.5).data(), in.get(0).grad().toDoubleArray());
            assertArrayEquals(Ref.map(x, v -> 0.5).data(), in.get(1).grad().toDoubleArray());
        });
    }

    @Test
    void secondOrderMatchesCentralDifferences() {
        qt().withExamples(40).forAll(PAIRS).checkAssert(p -> {
            OpChecks.gradcheckSecondOrder(in -> op(false).apply(in).square(), p.get(0), p.get(1));
            OpChecks.gradcheckSecondOrder(in -> op(true).apply(in).square(), p.get(0), p.get(1));
        });
    }

    @Test
    void float32Promotes() {
        qt().withExamples(40).forAll(PAIRS).checkAssert(p -> OpChecks.assertFloat32Promotion(Tensor::maximum,
                (x, c) -> x.maximum(Tensor.scalar(c, x.dtype())), Math::max, p.get(0), p.get(1), 0.1));
    }
}
