package org.autograd4j.nn.optim;

import static org.autograd4j.nn.optim.OptimTesting.assertClose;
import static org.autograd4j.nn.optim.OptimTesting.assertNear;
import static org.autograd4j.nn.optim.OptimTesting.run;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.Arrays;
import java.util.Random;
import org.autograd4j.nn.optim.OptimTesting.Bowl;
import org.junit.jupiter.api.Test;

class AdagradTest {
    /** PyTorch's Adagrad pseudocode for one vector. */
    static double[][] reference(Bowl bowl, double[] x0, int steps, double lr, double lrDecay, double wd, double init,
            double eps) {
        double[] x = x0.clone();
        double[] sum = new double[x.length];
        Arrays.fill(sum, init);
        double[][] out = new double[steps][];
        for (int t = 1; t <= steps; t++) {
            double[] g = bowl.grad(x);
            double lrT = lr / (1 + (t - 1) * lrDecay);
            for (int i = 0; i < x.length; i++) {
                double gi = g[i];
                if (wd != 0) {
                    gi = gi + wd * x[i];
                }
                sum[i] = sum[i] + gi * gi;
                x[i] = x[i] - lrT * gi / (Math.sqrt(sum[i]) + eps);
            }
            out[t - 1] = x.clone();
        }
        return out;
    }

    @Test
    void firstThreeStepsMatchPseudocodeWithDefaults() {
        double[][] expected = reference(Bowl.STANDARD, Bowl.START, 3, 0.01, 0, 0, 0, 1e-10);
        assertClose(expected, run(Bowl.STANDARD, Bowl.START, 3, p -> Adagrad.builder(p).build()), 1e-14);
    }

    @Test
    void firstThreeStepsMatchPseudocodeWithDecayWeightDecayAndAccumulator() {
        double[][] expected = reference(Bowl.STANDARD, Bowl.START, 3, 0.5, 0.25, 0.1, 0.3, 1e-6);
        double[][] got = run(Bowl.STANDARD, Bowl.START, 3, p -> Adagrad.builder(p).lr(0.5).lrDecay(0.25)
                .weightDecay(0.1).initialAccumulatorValue(0.3).eps(1e-6).build());
        assertClose(expected, got, 1e-14);
    }

    @Test
    void matchesPseudocodeForRandomHyperparameters() {
        qt().withExamples(200).forAll(longs().all()).checkAssert(seed -> {
            Random r = new Random(seed);
            double lr = 0.001 + r.nextDouble();
            double lrDecay = r.nextBoolean() ? 0 : r.nextDouble();
            double wd = r.nextBoolean() ? 0 : r.nextDouble();
            double init = r.nextBoolean() ? 0 : r.nextDouble();
            double eps = r.nextBoolean() ? 1e-10 : r.nextDouble();
            double[] x0 = {r.nextGaussian(), r.nextGaussian(), r.nextGaussian()};
            double[][] expected = reference(Bowl.STANDARD, x0, 3, lr, lrDecay, wd, init, eps);
            double[][] got = run(Bowl.STANDARD, x0, 3, p -> Adagrad.builder(p).lr(lr).lrDecay(lrDecay).weightDecay(wd)
                    .initialAccumulatorValue(init).eps(eps).build());
            assertClose(expected, got, 1e-12);
        });
    }

    @Test
    void minimisesTheQuadraticBowl() {
        double[][] xs = run(Bowl.STANDARD, Bowl.START, 2000, p -> Adagrad.builder(p).lr(0.5).build());
        assertNear(Bowl.STANDARD.c(), xs[xs.length - 1], 1e-6);
    }
}
