package org.autograd4j.nn.optim;

import static org.autograd4j.nn.optim.OptimTesting.assertClose;
import static org.autograd4j.nn.optim.OptimTesting.assertNear;
import static org.autograd4j.nn.optim.OptimTesting.run;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.Random;
import org.autograd4j.nn.optim.OptimTesting.Bowl;
import org.junit.jupiter.api.Test;

class SgdTest {
    /** PyTorch's SGD pseudocode for one vector: the buffer is g itself on the first step. */
    static double[][] reference(Bowl bowl, double[] x0, int steps, double lr, double mu, double damp, boolean nesterov,
            double wd) {
        double[] x = x0.clone();
        double[] b = new double[x.length];
        double[][] out = new double[steps][];
        for (int t = 1; t <= steps; t++) {
            double[] g = bowl.grad(x);
            for (int i = 0; i < x.length; i++) {
                double gi = g[i];
                if (wd != 0) {
                    gi = gi + wd * x[i];
                }
                if (mu != 0) {
                    b[i] = t > 1 ? mu * b[i] + (1 - damp) * gi : gi;
                    gi = nesterov ? gi + mu * b[i] : b[i];
                }
                x[i] = x[i] - lr * gi;
            }
            out[t - 1] = x.clone();
        }
        return out;
    }

    @Test
    void momentumStepsOnXSquaredByHand() {
        // f = x², x0 = 1, lr 0.1, momentum 0.9: g=2, b=2, x=0.8; g=1.6, b=3.4, x=0.46; g=0.92, b=3.98, x=0.062.
        Bowl square = new Bowl(new double[] {1}, new double[] {0});
        double[][] got = run(square, new double[] {1}, 3, p -> Sgd.builder(p).lr(0.1).momentum(0.9).build());
        assertClose(new double[][] {{0.8}, {0.46}, {0.062}}, got, 1e-15);
    }

    @Test
    void firstThreeStepsMatchPseudocodePlain() {
        double[][] expected = reference(Bowl.STANDARD, Bowl.START, 3, 0.1, 0, 0, false, 0);
        assertClose(expected, run(Bowl.STANDARD, Bowl.START, 3, p -> Sgd.builder(p).lr(0.1).build()), 1e-15);
    }

    @Test
    void firstThreeStepsMatchPseudocodeWithNesterovAndWeightDecay() {
        double[][] expected = reference(Bowl.STANDARD, Bowl.START, 3, 0.05, 0.9, 0, true, 0.1);
        double[][] got = run(Bowl.STANDARD, Bowl.START, 3,
                p -> Sgd.builder(p).lr(0.05).momentum(0.9).nesterov(true).weightDecay(0.1).build());
        assertClose(expected, got, 1e-14);
    }

    @Test
    void firstThreeStepsMatchPseudocodeWithDampening() {
        double[][] expected = reference(Bowl.STANDARD, Bowl.START, 3, 0.05, 0.8, 0.3, false, 0);
        double[][] got = run(Bowl.STANDARD, Bowl.START, 3,
                p -> Sgd.builder(p).lr(0.05).momentum(0.8).dampening(0.3).build());
        assertClose(expected, got, 1e-14);
    }

    @Test
    void matchesPseudocodeForRandomHyperparameters() {
        qt().withExamples(200).forAll(longs().all()).checkAssert(seed -> {
            Random r = new Random(seed);
            double lr = 0.001 + r.nextDouble() * 0.2;
            double mu = r.nextBoolean() ? 0 : r.nextDouble();
            boolean nesterov = mu > 0 && r.nextBoolean();
            double damp = nesterov || r.nextBoolean() ? 0 : r.nextDouble();
            double wd = r.nextBoolean() ? 0 : r.nextDouble();
            double[] x0 = {r.nextGaussian(), r.nextGaussian(), r.nextGaussian()};
            double[][] expected = reference(Bowl.STANDARD, x0, 3, lr, mu, damp, nesterov, wd);
            double[][] got = run(Bowl.STANDARD, x0, 3, p -> Sgd.builder(p).lr(lr).momentum(mu).dampening(damp)
                    .nesterov(nesterov).weightDecay(wd).build());
            assertClose(expected, got, 1e-12);
        });
    }

    @Test
    void minimisesTheQuadraticBowl() {
        double[][] xs = run(Bowl.STANDARD, Bowl.START, 300,
                p -> Sgd.builder(p).lr(0.05).momentum(0.9).nesterov(true).build());
        assertNear(Bowl.STANDARD.c(), xs[xs.length - 1], 1e-8);
    }
}
