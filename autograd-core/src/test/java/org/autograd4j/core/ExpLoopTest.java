package org.autograd4j.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link ExpLoop} against {@link Math#exp}: within one ulp everywhere, and the same special values. */
class ExpLoopTest {
    /** Arguments where the vector pass hands over to Math.exp, and the special values. */
    private static final double[] EDGES = {
        Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 0.0, -0.0, Double.MIN_VALUE, -Double.MIN_VALUE,
        709.0, Math.nextUp(709.0), Math.nextDown(709.0), 709.78, 709.79, 710, 1e300, -1e300,
        -708.0, Math.nextUp(-708.0), Math.nextDown(-708.0), -720, -744.4, -745.1, -746, 1e-300, 0.5 * Math.log(2),
        -0.5 * Math.log(2), Math.log(2), 1, -1, 88.7, -87.3, 1e-17, -1e-17,
    };

    @Test
    void edgesMatchMathExpWithinOneUlp() {
        double[] y = new double[EDGES.length];
        ExpLoop.exp(EDGES, y, 0, EDGES.length);
        double[] z = new double[EDGES.length];
        ExpLoop.expNegAbs(EDGES, z, 0, EDGES.length);
        for (int i = 0; i < EDGES.length; i++) {
            assertClose(Math.exp(EDGES[i]), y[i], "exp(" + EDGES[i] + ")");
            assertClose(Math.exp(-Math.abs(EDGES[i])), z[i], "exp(-|" + EDGES[i] + "|)");
        }
    }

    @Test
    void randomArgumentsWithinOneUlpOverTheWholeRange() {
        qt().forAll(doubles().between(-760, 720), integers().between(0, 7)).checkAssert((x, from) -> {
            // a range that starts anywhere in the array: the loops must not depend on an aligned start
            double[] in = new double[from + 3];
            java.util.Arrays.fill(in, x);
            in[from + 1] = x / 3;
            in[from + 2] = -x;
            double[] out = new double[in.length];
            ExpLoop.exp(in, out, from, in.length);
            double[] neg = new double[in.length];
            ExpLoop.expNegAbs(in, neg, from, in.length);
            for (int i = from; i < in.length; i++) {
                assertClose(Math.exp(in[i]), out[i], "exp(" + in[i] + ")");
                assertClose(Math.exp(-Math.abs(in[i])), neg[i], "exp(-|" + in[i] + "|)");
            }
            for (int i = 0; i < from; i++) {
                assertEquals(0.0, out[i], "outside the range nothing is written");
            }
        });
    }

    @Test
    void longArraysAsTheVectorLoopsSeeThem() {
        Random r = new Random(14);
        double[] x = new double[4099];
        for (int i = 0; i < x.length; i++) {
            x[i] = r.nextGaussian() * (i % 3 == 0 ? 300 : 5);
        }
        double[] y = new double[x.length];
        for (int round = 0; round < 3; round++) {
            ExpLoop.exp(x, y, 0, x.length);
            for (int i = 0; i < x.length; i++) {
                assertClose(Math.exp(x[i]), y[i], "exp(" + x[i] + ")");
            }
        }
    }

    private static void assertClose(double expected, double actual, String what) {
        if (Double.isNaN(expected) || Double.isInfinite(expected) || expected == 0) {
            assertEquals(expected, actual, what);
            return;
        }
        double ulps = Math.abs(actual - expected) / Math.ulp(expected);
        assertTrue(ulps <= 1.0, what + ": " + actual + " against Math.exp's " + expected + " (" + ulps + " ulp)");
    }
}
