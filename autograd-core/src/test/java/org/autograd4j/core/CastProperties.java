package org.autograd4j.core;

import static org.autograd4j.core.TensorGen.tensors;
import static org.autograd4j.core.TensorGen.uniform;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * {@link Cast}: {@code to(DType)}. The oracle needs a larger step here: FLOAT32 rounding (about 1e-7 relative) divided
 * by the default step 1e-6 would swamp the derivative, so the checks use step 1e-2 (exact for a linear function up to
 * that rounding) and an absolute tolerance of 1e-4.
 */
class CastProperties {
    private static final Gen<Tensor> INPUTS = tensors(uniform(-2, 2));
    private static final double EPS = 1e-2;
    private static final double ATOL = 1e-4;

    /** FLOAT64 to FLOAT32 and back: both directions of the cast in one function. */
    private static Tensor roundTrip(List<Tensor> in) {
        return in.get(0).to(DType.FLOAT32).mul(3.0).to(DType.FLOAT64);
    }

    @Test
    void gradientMatchesCentralDifferences() {
        qt().withExamples(60).forAll(INPUTS).checkAssert(x -> {
            GradCheck.Result r = GradCheck.check(CastProperties::roundTrip, OpChecks.leaves(x), EPS, ATOL,
                    GradCheck.RTOL);
            assertTrue(r.passed(), r::toString);
        });
    }

    @Test
    void gradientHasTheInputsShapeAndType() {
        qt().withExamples(40).forAll(INPUTS).checkAssert(x -> {
            OpChecks.gradHasInputShape(in -> in.get(0).to(DType.FLOAT32), x);
            OpChecks.gradHasInputShape(in -> in.get(0).to(DType.FLOAT64), OpChecks.float32(x));
        });
    }

    @Test
    void forwardRoundsToFloatAndBack() {
        qt().withExamples(60).forAll(INPUTS).checkAssert(x -> {
            Tensor single = x.to(DType.FLOAT32);
            assertEquals(DType.FLOAT32, single.dtype());
            OpChecks.assertMatches(Ref.map(x, v -> (float) v), single);
            Tensor dbl = single.to(DType.FLOAT64);
            assertEquals(DType.FLOAT64, dbl.dtype());
            OpChecks.assertMatches(Ref.map(x, v -> (float) v), dbl);
            assertSame(x, x.to(DType.FLOAT64));
        });
    }

    @Test
    void secondOrderMatchesCentralDifferences() {
        qt().withExamples(30).forAll(INPUTS).checkAssert(x -> {
            GradCheck.Result r = GradCheck.checkSecondOrder(in -> in.get(0).to(DType.FLOAT32).square(),
                    OpChecks.leaves(x), EPS, ATOL, GradCheck.RTOL);
            assertTrue(r.passed(), r::toString);
        });
    }
}
