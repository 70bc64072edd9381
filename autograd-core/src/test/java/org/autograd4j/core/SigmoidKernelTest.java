package org.autograd4j.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;

import org.junit.jupiter.api.Test;

/**
 * The sigmoid kernel, whose exponentials run in {@link ExpLoop}'s vector passes, against {@link Sigmoid#value}, the
 * scalar formula with {@link Math#exp}: within three ulps everywhere, the same limits and the same NaN.
 */
class SigmoidKernelTest {
    /**
     * Why not one ulp: the two exps may differ by one ulp (ExpLoopTest), which can move {@code 1 + e} by one ulp of a
     * number near 1, i.e. two ulps of a result just below 1, plus the two divisions' own roundings: at most three. A
     * sweep of 12.3 million values in [-800, 800] found two at most; a wrong kernel is off by far more.
     */
    private static final double ULPS = 3;
    private static final double[] EDGES = {
        0.0, -0.0, Double.MIN_VALUE, -Double.MIN_VALUE, 1e-300, -1e-300, 0.5, -0.5, 36, -36, 37, -37, 700, -700,
        708, -708, 709, -709, 710, -710, 744, -744, 745, -745, 746, -746, 1e300, -1e300, Double.MAX_VALUE,
        -Double.MAX_VALUE, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN,
    };

    @Test
    void edgesMatchTheScalarFormula() {
        double[] y = Tensor.of(EDGES, EDGES.length).sigmoid().readArray();
        for (int i = 0; i < EDGES.length; i++) {
            assertClose(Sigmoid.value(EDGES[i]), y[i], "sigmoid(" + EDGES[i] + ")");
        }
    }

    @Test
    void randomValuesMatchTheScalarFormula() {
        qt().withExamples(5000).forAll(doubles().between(-800, 800), doubles().between(-40, 40))
                .checkAssert(SigmoidKernelTest::matchesAround);
    }

    /** A wide value, a narrow one, their neighbours in sign and scale, in one tensor. */
    private static void matchesAround(double wide, double narrow) {
        double[] x = {wide, narrow, -narrow, wide / 7, narrow * 1e-9};
        double[] y = Tensor.of(x, x.length).sigmoid().readArray();
        for (int i = 0; i < x.length; i++) {
            assertClose(Sigmoid.value(x[i]), y[i], "sigmoid(" + x[i] + ")");
        }
    }

    private static void assertClose(double expected, double actual, String what) {
        if (Double.isNaN(expected) || expected == 0) {
            assertEquals(expected, actual, what);
            return;
        }
        double ulps = Math.abs(actual - expected) / Math.ulp(expected);
        assertTrue(ulps <= ULPS, what + ": " + actual + " against " + expected + " (" + ulps + " ulp)");
    }
}
