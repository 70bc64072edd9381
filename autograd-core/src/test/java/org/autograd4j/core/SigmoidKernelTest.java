package org.autograd4j.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;

import org.junit.jupiter.api.Test;

/**
 * The sigmoid kernel, whose exponentials run in {@link ExpLoop}'s vector passes, against {@link Sigmoid#value}, the
 * scalar formula with {@link Math#exp}: within one ulp everywhere, the same limits and the same NaN.
 */
class SigmoidKernelTest {
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
        qt().forAll(doubles().between(-800, 800), doubles().between(-40, 40)).checkAssert((wide, narrow) -> {
            double[] x = {wide, narrow, -narrow, wide / 7, narrow * 1e-9};
            double[] y = Tensor.of(x, x.length).sigmoid().readArray();
            for (int i = 0; i < x.length; i++) {
                assertClose(Sigmoid.value(x[i]), y[i], "sigmoid(" + x[i] + ")");
            }
        });
    }

    private static void assertClose(double expected, double actual, String what) {
        if (Double.isNaN(expected) || expected == 0) {
            assertEquals(expected, actual, what);
            return;
        }
        double ulps = Math.abs(actual - expected) / Math.ulp(expected);
        assertTrue(ulps <= 1.0, what + ": " + actual + " against " + expected + " (" + ulps + " ulp)");
    }
}
