package org.autograd4j.nn.optim;

import static org.autograd4j.nn.optim.OptimTesting.assertClose;
import static org.autograd4j.nn.optim.OptimTesting.assertNear;
import static org.autograd4j.nn.optim.OptimTesting.param;
import static org.autograd4j.nn.optim.OptimTesting.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.List;
import java.util.Random;
import org.autograd4j.core.Tensor;
import org.autograd4j.nn.optim.OptimTesting.Bowl;
import org.junit.jupiter.api.Test;

class AdamTest {
    /** PyTorch's Adam pseudocode, written out for one vector (amsgrad as max over v, then bias-corrected). */
    static double[][] reference(Bowl bowl, double[] x0, int steps, double lr, double b1, double b2, double eps,
            double wd, boolean amsgrad, boolean decoupled) {
        int n = x0.length;
        double[] x = x0.clone();
        double[] m = new double[n];
        double[] v = new double[n];
        double[] vMax = new double[n];
        double[][] out = new double[steps][];
        for (int t = 1; t <= steps; t++) {
            double[] g = bowl.grad(x);
            for (int i = 0; i < n; i++) {
                double gi = g[i];
                if (decoupled) {
                    x[i] = x[i] - lr * wd * x[i];
                } else if (wd != 0) {
                    gi = gi + wd * x[i];
                }
                m[i] = b1 * m[i] + (1 - b1) * gi;
                v[i] = b2 * v[i] + (1 - b2) * gi * gi;
                double mHat = m[i] / (1 - Math.pow(b1, t));
                double vHat;
                if (amsgrad) {
                    vMax[i] = Math.max(vMax[i], v[i]);
                    vHat = vMax[i] / (1 - Math.pow(b2, t));
                } else {
                    vHat = v[i] / (1 - Math.pow(b2, t));
                }
                x[i] = x[i] - lr * mHat / (Math.sqrt(vHat) + eps);
            }
            out[t - 1] = x.clone();
        }
        return out;
    }

    @Test
    void firstStepMovesEachCoordinateByLrAgainstItsGradientSign() {
        double[][] got = run(Bowl.STANDARD, Bowl.START, 1, p -> Adam.builder(p).lr(0.1).build());
        // m^ = g and v^ = g² on step 1, so the step is lr * g / (|g| + eps).
        assertClose(new double[][] {{0.1 * 4 / (4 + 1e-8), -0.1 * 6 / (6 + 1e-8), 3 - 0.1 * 2.5 / (2.5 + 1e-8)}}, got,
                1e-15);
    }

    @Test
    void firstThreeStepsMatchPseudocodeWithDefaults() {
        double[][] expected = reference(Bowl.STANDARD, Bowl.START, 3, 1e-3, 0.9, 0.999, 1e-8, 0, false, false);
        assertClose(expected, run(Bowl.STANDARD, Bowl.START, 3, p -> Adam.builder(p).build()), 1e-14);
    }

    @Test
    void firstThreeStepsMatchPseudocodeWithAmsgradAndWeightDecay() {
        double[][] expected = reference(Bowl.STANDARD, Bowl.START, 3, 0.3, 0.8, 0.9, 1e-6, 0.1, true, false);
        double[][] got = run(Bowl.STANDARD, Bowl.START, 3,
                p -> Adam.builder(p).lr(0.3).betas(0.8, 0.9).eps(1e-6).weightDecay(0.1).amsgrad(true).build());
        assertClose(expected, got, 1e-14);
    }

    @Test
    void amsgradKeepsTheLargestRawSecondMoment() {
        // Gradients 10 then 0.1: v drops on step 2, so the maximum (v_1) is used, corrected with step 2's factor.
        Tensor x = param(0.0);
        Adam opt = Adam.builder(List.of(x)).lr(0.01).betas(0.5, 0.5).amsgrad(true).build();
        x.setGrad(Tensor.of(new double[] {10}));
        opt.step();
        double x1 = x.item();
        x.setGrad(Tensor.of(new double[] {0.1}));
        opt.step();
        double m2 = 0.5 * (0.5 * 10) + 0.5 * 0.1;
        double vMax = 0.5 * 100;
        double expected = x1 - 0.01 * (m2 / 0.75) / (Math.sqrt(vMax / 0.75) + 1e-8);
        assertEquals(expected, x.item(), 1e-15);
    }

    @Test
    void matchesPseudocodeForRandomHyperparameters() {
        qt().withExamples(200).forAll(longs().all()).checkAssert(seed -> {
            Random r = new Random(seed);
            double lr = 0.001 + r.nextDouble();
            double b1 = r.nextDouble() * 0.99;
            double b2 = r.nextDouble() * 0.999;
            double eps = r.nextBoolean() ? 1e-8 : r.nextDouble();
            double wd = r.nextBoolean() ? 0 : r.nextDouble();
            boolean ams = r.nextBoolean();
            double[] x0 = {r.nextGaussian(), r.nextGaussian(), r.nextGaussian()};
            double[][] expected = reference(Bowl.STANDARD, x0, 3, lr, b1, b2, eps, wd, ams, false);
            double[][] got = run(Bowl.STANDARD, x0, 3,
                    p -> Adam.builder(p).lr(lr).betas(b1, b2).eps(eps).weightDecay(wd).amsgrad(ams).build());
            assertClose(expected, got, 1e-12);
        });
    }

    @Test
    void minimisesTheQuadraticBowl() {
        double[][] xs = run(Bowl.STANDARD, Bowl.START, 3000, p -> Adam.builder(p).lr(0.05).build());
        assertNear(Bowl.STANDARD.c(), xs[xs.length - 1], 1e-4);
    }

    @Test
    void minimisesRosenbrock() {
        Tensor x = param(-1.5);
        Tensor y = param(2.0);
        Adam opt = Adam.builder(List.of(x, y)).lr(0.02).build();
        for (int t = 0; t < 5000; t++) {
            opt.zeroGrad();
            Tensor a = x.neg().add(1).square();
            Tensor b = y.sub(x.square()).square().mul(100);
            a.add(b).backward();
            opt.step();
        }
        assertNear(new double[] {1, 1}, new double[] {x.item(), y.item()}, 1e-3);
    }

    @Test
    void stepCountsArePerParameterSoALateParameterStartsItsOwnBiasCorrection() {
        Tensor early = param(0.0);
        Tensor late = param(0.0);
        Adam opt = Adam.builder(List.of(early, late)).lr(0.1).build();
        early.setGrad(Tensor.of(new double[] {1}));
        opt.step();
        opt.step();
        late.setGrad(Tensor.of(new double[] {1}));
        opt.step();
        // late's first step: m^ = g, v^ = g², as if the optimizer had just been built.
        assertEquals(-0.1 / (1 + 1e-8), late.item(), 1e-15);
        assertEquals(3.0, opt.state().buffers().get("0.step")[0]);
        assertEquals(1.0, opt.state().buffers().get("1.step")[0]);
    }
}
