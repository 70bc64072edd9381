package org.autograd4j.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.autograd4j.core.Tensor;
import org.junit.jupiter.api.Test;

/** Initialisers: PyTorch's bounds and standard deviations, reproducibility, and validation. */
class InitTest {
    private static final int IN = 200;
    private static final int OUT = 100;

    @Test
    void uniformSchemesStayInsideTheirBoundAndFillIt() {
        checkUniform(Init.xavierUniform(), Math.sqrt(6.0 / (IN + OUT)));
        checkUniform(Init.xavierUniform(5.0 / 3), 5.0 / 3 * Math.sqrt(6.0 / (IN + OUT)));
        checkUniform(Init.heUniform(), Math.sqrt(2) * Math.sqrt(3.0 / IN));
        checkUniform(Init.kaimingUniform(1.0), Math.sqrt(3.0 / IN));
    }

    @Test
    void normalSchemesHaveTheirStandardDeviation() {
        checkStd(Init.xavierNormal(), Math.sqrt(2.0 / (IN + OUT)));
        checkStd(Init.heNormal(), Math.sqrt(2.0 / IN));
        checkStd(Init.kaimingNormal(Init.leakyReluGain(0.2)), Math.sqrt(2 / 1.04) / Math.sqrt(IN));
    }

    @Test
    void constantsAndReproducibility() {
        assertArrayEquals(new double[6], Init.zeros().create(new Random(1), 2, 3, 2, 3).toDoubleArray(), 0);
        assertArrayEquals(new double[] {0.5, 0.5}, Init.constant(0.5).create(new Random(1), 1, 2, 2).toDoubleArray(),
                0);
        double[] a = Init.heNormal().create(new Random(3), 4, 5, 4, 5).toDoubleArray();
        double[] b = Init.heNormal().create(new Random(3), 4, 5, 4, 5).toDoubleArray();
        assertArrayEquals(a, b, 0);
        assertArrayEquals(new long[] {4, 5}, Init.heNormal().create(new Random(3), 4, 5, 4, 5).shape());
    }

    @Test
    void badArgumentsNameTheValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Init.xavierUniform(-1));
        assertEquals("Init.xavierUniform: gain must be a positive finite number, got -1.0", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Init.heNormal().create(new Random(), 0, 3, 0, 3));
        assertEquals("Init: fanIn must be > 0, got 0", e.getMessage());
    }

    @Test
    void activationsChooseHeOrXavier() {
        double he = Math.sqrt(2) * Math.sqrt(3.0 / IN);
        double xavierTanh = 5.0 / 3 * Math.sqrt(6.0 / (IN + OUT));
        checkUniform(Activation.RELU.init(), he);
        checkUniform(Activation.TANH.init(), xavierTanh);
        checkUniform(Activation.SIGMOID.init(), Math.sqrt(6.0 / (IN + OUT)));
    }

    private static void checkUniform(Init init, double bound) {
        double[] v = init.create(new Random(17), IN, OUT, IN, OUT).toDoubleArray();
        double max = 0;
        for (double x : v) {
            assertTrue(Math.abs(x) <= bound, x + " outside " + bound);
            max = Math.max(max, Math.abs(x));
        }
        assertTrue(max > 0.99 * bound, "max " + max + " of bound " + bound);
        assertEquals(bound / Math.sqrt(3), std(v), 0.02 * bound);
    }

    private static void checkStd(Init init, double expected) {
        Tensor t = init.create(new Random(17), IN, OUT, IN, OUT);
        assertEquals(expected, std(t.toDoubleArray()), 0.02 * expected);
    }

    private static double std(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x * x;
        }
        return Math.sqrt(s / v.length);
    }
}
