package org.autograd4j.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import java.util.function.Function;
import org.autograd4j.core.DType;
import org.autograd4j.core.GradCheck;
import org.autograd4j.core.Tensor;
import org.junit.jupiter.api.Test;

/** Losses against hand-computed values, PyTorch's semantics, GradCheck (first and second order) and bad input. */
class LossesTest {
    private static final double TOL = 1e-12;

    @Test
    void regressionLossesMatchHandComputedValues() {
        Tensor p = Tensor.of(new double[] {1.0, 2.0, 3.5, -1.0}, 2, 2);
        Tensor t = Tensor.of(new double[] {1.5, 2.0, 1.0, 1.0}, 2, 2);
        // differences -0.5, 0, 2.5, -2
        assertEquals((0.25 + 0 + 6.25 + 4) / 4, Losses.mse(p, t).item(), TOL);
        assertEquals(0.25 + 0 + 6.25 + 4, Losses.mse(p, t, Reduction.SUM).item(), TOL);
        assertArrayEquals(new double[] {0.25, 0, 6.25, 4}, Losses.mse(p, t, Reduction.NONE).toDoubleArray(), TOL);
        assertEquals((0.5 + 0 + 2.5 + 2) / 4, Losses.l1(p, t).item(), TOL);
        // Huber, delta 1: 0.5·0.25, 0, 1·(2.5 - 0.5), 1·(2 - 0.5)
        assertArrayEquals(new double[] {0.125, 0, 2.0, 1.5},
                Losses.huber(p, t, 1.0, Reduction.NONE).toDoubleArray(), TOL);
        assertEquals((0.125 + 2.0 + 1.5) / 4, Losses.huber(p, t, 1.0).item(), TOL);
    }

    @Test
    void binaryCrossEntropyMatchesHandComputedValuesAndClampsLogs() {
        Tensor p = Tensor.of(new double[] {0.8, 0.3, 0.0, 1.0});
        Tensor t = Tensor.of(new double[] {1.0, 0.0, 1.0, 1.0});
        double[] expected = {-Math.log(0.8), -Math.log(0.7), 100.0, 0.0};
        assertArrayEquals(expected, Losses.binaryCrossEntropy(p, t, Reduction.NONE).toDoubleArray(), TOL);
        Tensor q = Tensor.of(new double[] {0.0, 1.0, 0.5}).requiresGrad(true);
        Losses.binaryCrossEntropy(q, Tensor.of(new double[] {1.0, 0.0, 1.0})).backward();
        for (double g : q.grad().toDoubleArray()) {
            assertTrue(Double.isFinite(g), "gradient " + g);
        }
    }

    @Test
    void binaryCrossEntropyAtZeroAndOneHasPyTorchsGradientInFloat32() {
        // torch.nn.functional.binary_cross_entropy(p, t, reduction="sum") in float32, p = [0, 1, 0, 1], t = [1, 0, 0, 1]:
        // loss 200, gradient [-999999995904, 999999995904, 0, 0] (-1/1e-12f, +1/1e-12f, then 0 for the right ones).
        Tensor p = Tensor.of(new double[] {0, 1, 0, 1}).to(DType.FLOAT32).requiresGrad(true);
        Tensor t = Tensor.of(new double[] {1, 0, 0, 1}).to(DType.FLOAT32);
        Tensor loss = Losses.binaryCrossEntropy(p, t, Reduction.SUM);
        assertEquals(200.0, loss.item(), 0.0);
        loss.backward();
        assertArrayEquals(new double[] {-999999995904.0, 999999995904.0, 0, 0}, p.grad().toDoubleArray(), 0.0);
    }

    @Test
    void binaryCrossEntropyTargetGradientIsTheClampedLogsDifference() {
        Tensor p = Tensor.of(new double[] {0.0, 1.0, 0.25});
        Tensor t = Tensor.of(new double[] {0.5, 0.5, 0.5}).requiresGrad(true);
        Losses.binaryCrossEntropy(p, t, Reduction.SUM).backward();
        assertArrayEquals(new double[] {100.0, -100.0, Math.log(0.75) - Math.log(0.25)}, t.grad().toDoubleArray(),
                TOL);
    }

    @Test
    void binaryCrossEntropyWithLogitsIsStableAndMatchesSigmoidForm() {
        double[] x = {-3.0, -0.5, 0.0, 2.0};
        double[] t = {0.0, 1.0, 0.3, 1.0};
        double[] expected = new double[4];
        for (int i = 0; i < 4; i++) {
            double s = 1 / (1 + Math.exp(-x[i]));
            expected[i] = -(t[i] * Math.log(s) + (1 - t[i]) * Math.log(1 - s));
        }
        assertArrayEquals(expected, Losses.binaryCrossEntropyWithLogits(Tensor.of(x), Tensor.of(t), Reduction.NONE)
                .toDoubleArray(), 1e-12);
        // pos_weight 3 scales the positive term only: 3·(-t·log σ) - (1-t)·log(1-σ)
        Tensor pw = Tensor.of(new double[] {3.0});
        double[] weighted = new double[4];
        for (int i = 0; i < 4; i++) {
            double s = 1 / (1 + Math.exp(-x[i]));
            weighted[i] = -(3 * t[i] * Math.log(s) + (1 - t[i]) * Math.log(1 - s));
        }
        assertArrayEquals(weighted, Losses.binaryCrossEntropyWithLogits(Tensor.of(x), Tensor.of(t), pw,
                Reduction.NONE).toDoubleArray(), 1e-12);
        Tensor big = Tensor.of(new double[] {1e4, -1e4}).requiresGrad(true);
        Tensor loss = Losses.binaryCrossEntropyWithLogits(big, Tensor.of(new double[] {0.0, 1.0}));
        assertEquals(1e4, loss.item(), 1e-9);
        loss.backward();
        assertArrayEquals(new double[] {0.5, -0.5}, big.grad().toDoubleArray(), 1e-12);
    }

    @Test
    void crossEntropyMatchesHandComputedValue() {
        Tensor logits = Tensor.of(new double[][] {{1, 2, 3}, {1, 2, 3}});
        double lse = Math.log(Math.exp(1) + Math.exp(2) + Math.exp(3));
        assertEquals(((lse - 3) + (lse - 1)) / 2, Losses.crossEntropy(logits, new int[] {2, 0}).item(), TOL);
        assertEquals(0.40760596444437, Losses.crossEntropy(logits, new int[] {2, 2}).item(), 1e-13);
        Tensor oneHot = Tensor.of(new double[][] {{0, 0, 1}, {1, 0, 0}});
        assertEquals(((lse - 3) + (lse - 1)) / 2, Losses.crossEntropy(logits, oneHot).item(), TOL);
        Tensor logp = logits.logSoftmax(1);
        assertEquals(Losses.crossEntropy(logits, new int[] {2, 0}).item(), Losses.nll(logp, new int[] {2, 0}).item(),
                TOL);
    }

    @Test
    void crossEntropyWithWeightsAndSmoothingFollowsPyTorch() {
        Tensor logits = Tensor.of(new double[][] {{0.5, -1.0, 2.0}, {1.5, 0.2, -0.3}, {0.0, 0.0, 1.0}});
        int[] y = {2, 0, 1};
        double[] w = {0.2, 1.0, 3.0};
        double eps = 0.1;
        double[][] lp = rows(logits.logSoftmax(1).toDoubleArray());
        // PyTorch: l_n = (1-ε)·(-w[y]·lp[y]) + ε/C·Σ_c -w[c]·lp[c]; MEAN = Σ l_n / Σ w[y_n]
        double num = 0;
        double den = 0;
        for (int n = 0; n < 3; n++) {
            double smooth = 0;
            for (int c = 0; c < 3; c++) {
                smooth -= w[c] * lp[n][c];
            }
            num += (1 - eps) * -w[y[n]] * lp[n][y[n]] + eps / 3 * smooth;
            den += w[y[n]];
        }
        Tensor weights = Tensor.of(w);
        assertEquals(num / den, Losses.crossEntropy(logits, y, weights, eps, Reduction.MEAN).item(), TOL);
        assertEquals(num, Losses.crossEntropy(logits, y, weights, eps, Reduction.SUM).item(), TOL);
        double weightedNll = 0;
        for (int n = 0; n < 3; n++) {
            weightedNll -= w[y[n]] * lp[n][y[n]];
        }
        assertEquals(weightedNll / den, Losses.nll(logits.logSoftmax(1), y, weights, Reduction.MEAN).item(), TOL);
        // Probability targets: smoothed targets t(1-ε)+ε/C, MEAN divides by the batch size even when weighted.
        double[][] t = {{0.1, 0.2, 0.7}, {1, 0, 0}, {0.5, 0.5, 0}};
        double total = 0;
        for (int n = 0; n < 3; n++) {
            for (int c = 0; c < 3; c++) {
                total -= w[c] * (t[n][c] * (1 - eps) + eps / 3) * lp[n][c];
            }
        }
        assertEquals(total / 3, Losses.crossEntropy(logits, Tensor.of(t), weights, eps, Reduction.MEAN).item(), TOL);
    }

    @Test
    void crossEntropyIsStableForHugeLogits() {
        Tensor logits = Tensor.of(new double[][] {{1e4, -1e4, 0}, {-1e4, 1e4, 5e3}}).requiresGrad(true);
        Tensor loss = Losses.crossEntropy(logits, new int[] {0, 2});
        assertEquals(2500.0, loss.item(), 1e-9);
        loss.backward();
        assertArrayEquals(new double[] {0, 0, 0, 0, 0.5, -0.5}, logits.grad().toDoubleArray(), 1e-12);
        Tensor probs = Tensor.of(new double[][] {{1, 0, 0}, {0, 0, 1}});
        assertEquals(2500.0, Losses.crossEntropy(logits.detach(), probs).item(), 1e-9);
    }

    @Test
    void lossesPassGradCheckToSecondOrder() {
        Random rng = new Random(11);
        Tensor logits = Tensor.randn(rng, 4, 3).requiresGrad(true);
        int[] y = {0, 2, 1, 2};
        Tensor w = Tensor.of(new double[] {0.5, 1.0, 2.0});
        Tensor soft = Tensor.rand(rng, 4, 3).softmax(1);
        Tensor pred = Tensor.randn(rng, 3, 2).requiresGrad(true);
        Tensor target = Tensor.randn(rng, 3, 2);
        Tensor prob = Tensor.rand(rng, 3, 2).mul(0.8).add(0.1).requiresGrad(true);
        Tensor bits = Tensor.rand(rng, 3, 2).gt(0.5);
        check(in -> Losses.crossEntropy(in.get(0), y), logits);
        check(in -> Losses.crossEntropy(in.get(0), y, w, 0.2, Reduction.MEAN), logits);
        check(in -> Losses.crossEntropy(in.get(0), soft, w, 0.1, Reduction.NONE), logits);
        check(in -> Losses.nll(in.get(0).logSoftmax(1), y, w, Reduction.SUM), logits);
        check(in -> Losses.mse(in.get(0), target), pred);
        check(in -> Losses.huber(in.get(0), target, 0.3), pred);
        check(in -> Losses.binaryCrossEntropy(in.get(0), bits), prob);
        check(in -> Losses.binaryCrossEntropyWithLogits(in.get(0), bits, Tensor.of(new double[] {2, 0.5}),
                Reduction.MEAN), pred);
        Tensor away = Tensor.of(new double[] {0.7, -1.2, 2.0, -0.4, 1.1, -2.5}, 3, 2).requiresGrad(true);
        check(in -> Losses.l1(in.get(0), Tensor.zeros(3, 2)), away);
    }

    private static void check(Function<List<Tensor>, Tensor> f, Tensor x) {
        GradCheck.check(f, List.of(x)).orThrow();
        GradCheck.checkSecondOrder(f, List.of(x)).orThrow();
    }

    @Test
    void badInputIsRejectedWithTheValues() {
        Tensor logits = Tensor.zeros(4, 3);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Losses.crossEntropy(logits, new int[] {0, 1, 3, 2}));
        assertEquals("crossEntropy: label 3 at row 2 is out of range [0, 3)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Losses.nll(logits, new int[] {0, -1, 1, 2}));
        assertEquals("nll: label -1 at row 1 is out of range [0, 3)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Losses.crossEntropy(logits, new int[] {0, 1}));
        assertEquals("crossEntropy: input has 4 rows (shape [4, 3]) but 2 class indices were given", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Losses.mse(Tensor.zeros(4, 1), Tensor.zeros(4)));
        assertEquals("mse: prediction has shape [4, 1] but target has shape [4]; they must be equal", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Losses.binaryCrossEntropy(Tensor.of(new double[] {0.5, 1.5}), Tensor.zeros(2)));
        assertEquals("binaryCrossEntropy: probability 1.5 at position 1 is outside [0, 1]", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Losses.crossEntropy(logits, new int[] {0, 1, 2, 0}, Tensor.ones(2), 0, Reduction.MEAN));
        assertEquals("crossEntropy: class weights have shape [2] but there are 3 classes; expected [3]",
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Losses.huber(Tensor.zeros(1), Tensor.zeros(1), 0));
        assertEquals("huber: delta must be a positive finite number, got 0.0", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Losses.crossEntropy().compute(logits, Tensor.of(new double[] {0, 1, 2.5, 1})));
        assertEquals("crossEntropy: label 2.5 at row 2 is not a whole class index", e.getMessage());
    }

    @Test
    void lossFactoriesTakeTargetTensors() {
        Tensor logits = Tensor.of(new double[][] {{1, 2, 3}, {1, 2, 3}});
        double expected = Losses.crossEntropy(logits, new int[] {2, 0}).item();
        assertEquals(expected, Losses.crossEntropy().compute(logits, Tensor.of(new double[] {2, 0})).item(), TOL);
        assertEquals(expected, Losses.crossEntropy().compute(logits,
                Tensor.of(new double[][] {{0, 0, 1}, {1, 0, 0}})).item(), TOL);
        assertEquals(expected, Losses.nll().compute(logits.logSoftmax(1), Tensor.of(new double[] {2, 0})).item(), TOL);
        Tensor p = Tensor.of(new double[] {0.2, 0.9});
        Tensor t = Tensor.of(new double[] {0, 1});
        assertEquals(Losses.mse(p, t).item(), Losses.mse().compute(p, t).item(), TOL);
        assertEquals(Losses.binaryCrossEntropy(p, t).item(), Losses.binaryCrossEntropy().compute(p, t).item(), TOL);
        assertEquals(Losses.binaryCrossEntropyWithLogits(p, t).item(),
                Losses.binaryCrossEntropyWithLogits().compute(p, t).item(), TOL);
        assertEquals(Losses.huber(p, t, 0.5).item(), Losses.huber(0.5).compute(p, t).item(), TOL);
    }

    /** The deprecated Loss factories still work, as the Losses ones they forward to. */
    @Test
    @SuppressWarnings("deprecation")
    void deprecatedLossFactoriesForwardToLosses() {
        Tensor p = Tensor.of(new double[] {0.2, 0.9});
        Tensor t = Tensor.of(new double[] {0, 1});
        assertEquals(Losses.mse(p, t).item(), Loss.mse().compute(p, t).item(), TOL);
        assertEquals(Losses.l1(p, t).item(), Loss.l1().compute(p, t).item(), TOL);
        assertEquals(Losses.huber(p, t, 0.5).item(), Loss.huber(0.5).compute(p, t).item(), TOL);
        Tensor logits = Tensor.of(new double[][] {{1, 2}, {0.5, -1}});
        assertEquals(Losses.crossEntropy(logits, new int[] {0, 1}).item(),
                Loss.crossEntropy().compute(logits, t).item(), TOL);
    }

    private static double[][] rows(double[] v) {
        return new double[][] {{v[0], v[1], v[2]}, {v[3], v[4], v[5]}, {v[6], v[7], v[8]}};
    }
}
