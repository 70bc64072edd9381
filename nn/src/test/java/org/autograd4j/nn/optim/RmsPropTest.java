package org.autograd4j.nn.optim;

import static org.autograd4j.nn.optim.OptimTesting.assertClose;
import static org.autograd4j.nn.optim.OptimTesting.assertNear;
import static org.autograd4j.nn.optim.OptimTesting.run;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.Random;
import org.autograd4j.nn.optim.OptimTesting.Bowl;
import org.junit.jupiter.api.Test;

class RmsPropTest {
    /** PyTorch's RMSprop pseudocode for one vector. */
    static double[][] reference(Bowl bowl, double[] x0, int steps, double lr, double alpha, double eps, double mu,
            boolean centered, double wd) {
        int n = x0.length;
        double[] x = x0.clone();
        double[] v = new double[n];
        double[] gAve = new double[n];
        double[] b = new double[n];
        double[][] out = new double[steps][];
        for (int t = 1; t <= steps; t++) {
            double[] g = bowl.grad(x);
            for (int i = 0; i < n; i++) {
                double gi = g[i];
                if (wd != 0) {
                    gi = gi + wd * x[i];
                }
                v[i] = alpha * v[i] + (1 - alpha) * gi * gi;
                double vTilde = v[i];
                if (centered) {
                    gAve[i] = alpha * gAve[i] + (1 - alpha) * gi;
                    vTilde = vTilde - gAve[i] * gAve[i];
                }
                if (mu > 0) {
                    b[i] = mu * b[i] + gi / (Math.sqrt(vTilde) + eps);
                    x[i] = x[i] - lr * b[i];
                } else {
                    x[i] = x[i] - lr * gi / (Math.sqrt(vTilde) + eps);
                }
            }
            out[t - 1] = x.clone();
        }
        return out;
    }

    @Test
    void firstThreeStepsMatchPseudocodeWithDefaults() {
        double[][] expected = reference(Bowl.STANDARD, Bowl.START, 3, 0.01, 0.99, 1e-8, 0, false, 0);
        assertClose(expected, run(Bowl.STANDARD, Bowl.START, 3, p -> RmsProp.builder(p).build()), 1e-14);
    }

    @Test
    void firstThreeStepsMatchPseudocodeCenteredWithMomentumAndWeightDecay() {
        double[][] expected = reference(Bowl.STANDARD, Bowl.START, 3, 0.02, 0.9, 1e-6, 0.8, true, 0.05);
        double[][] got = run(Bowl.STANDARD, Bowl.START, 3, p -> RmsProp.builder(p).lr(0.02).alpha(0.9).eps(1e-6)
                .momentum(0.8).centered(true).weightDecay(0.05).build());
        assertClose(expected, got, 1e-13);
    }

    @Test
    void matchesPseudocodeForRandomHyperparameters() {
        qt().withExamples(200).forAll(longs().all()).checkAssert(seed -> {
            Random r = new Random(seed);
            double lr = 0.001 + r.nextDouble() * 0.1;
            double alpha = 0.5 + r.nextDouble() * 0.499;
            double eps = r.nextBoolean() ? 1e-8 : r.nextDouble();
            double mu = r.nextBoolean() ? 0 : r.nextDouble();
            boolean centered = r.nextBoolean();
            double wd = r.nextBoolean() ? 0 : r.nextDouble();
            double[] x0 = {r.nextGaussian(), r.nextGaussian(), r.nextGaussian()};
            double[][] expected = reference(Bowl.STANDARD, x0, 3, lr, alpha, eps, mu, centered, wd);
            double[][] got = run(Bowl.STANDARD, x0, 3, p -> RmsProp.builder(p).lr(lr).alpha(alpha).eps(eps)
                    .momentum(mu).centered(centered).weightDecay(wd).build());
            assertClose(expected, got, 1e-11);
        });
    }

    @Test
    void minimisesTheQuadraticBowl() {
        double[][] xs = run(Bowl.STANDARD, Bowl.START, 3000, p -> RmsProp.builder(p).lr(0.01).build());
        assertNear(Bowl.STANDARD.c(), xs[xs.length - 1], 1e-4);
    }

    @Test
    void minimisesTheQuadraticBowlCenteredWithMomentum() {
        double[][] xs = run(Bowl.STANDARD, Bowl.START, 3000,
                p -> RmsProp.builder(p).lr(0.003).momentum(0.5).centered(true).build());
        assertNear(Bowl.STANDARD.c(), xs[xs.length - 1], 1e-4);
    }
}
