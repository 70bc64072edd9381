package org.autograd4j.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Log-softmax over rows of two along the last axis has its own written-out loop ({@code LogSoftmax.forwardPairs});
 * it must give the general loop's bits. The general loop runs on the transposed tensor, along axis 0, so the two paths
 * see the same rows: values and first-order gradients are compared bit for bit, special values included.
 */
class LogSoftmaxPairsTest {
    @Test
    void pairsGiveTheGeneralLoopsBits() {
        qt().forAll(integers().between(2, 40), doubles().between(-50, 50), integers().between(0, 1_000_000))
                .checkAssert(LogSoftmaxPairsTest::sameBits);
    }

    @Test
    void specialValuesGiveTheGeneralLoopsBits() {
        double inf = Double.POSITIVE_INFINITY;
        double[] rows = {0, 0, -inf, -inf, inf, 1, -inf, 2, Double.NaN, 1, 700, -700, 1e300, -1e300, -0.0, 0.0};
        compare(rows, rows.length / 2);
    }

    private static void sameBits(int count, double scale, int seed) {
        Random r = new Random(seed);
        double[] rows = new double[2 * count];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = r.nextGaussian() * scale;
        }
        compare(rows, count);
    }

    private static void compare(double[] rows, int count) {
        Tensor pairs = Tensor.of(rows, count, 2).requiresGrad(true);
        Tensor columns = pairs.detach().transpose(0, 1).requiresGrad(true);   // [2, count]: axis 0, the general loop
        Tensor a = pairs.logSoftmax(1);
        Tensor b = columns.logSoftmax(0);
        double[] got = a.readArray();
        double[] want = b.transpose(0, 1).readArray();
        for (int i = 0; i < got.length; i++) {
            assertEquals(Double.doubleToLongBits(want[i]), Double.doubleToLongBits(got[i]),
                    "value " + i + " of rows " + java.util.Arrays.toString(rows));
        }
        double[] weights = new double[rows.length];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = (i % 3) - 1.0;
        }
        a.mul(Tensor.of(weights, count, 2)).sum().backward();
        b.transpose(0, 1).mul(Tensor.of(weights, count, 2)).sum().backward();
        double[] ga = pairs.grad().readArray();
        double[] gb = columns.grad().transpose(0, 1).readArray();
        for (int i = 0; i < ga.length; i++) {
            assertEquals(Double.doubleToLongBits(gb[i]), Double.doubleToLongBits(ga[i]), "gradient " + i);
        }
    }
}
