package org.autograd4j.nn.optim;

import static org.autograd4j.nn.optim.OptimTesting.assertClose;
import static org.autograd4j.nn.optim.OptimTesting.assertNear;
import static org.autograd4j.nn.optim.OptimTesting.param;
import static org.autograd4j.nn.optim.OptimTesting.run;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.List;
import java.util.Random;
import org.autograd4j.core.Tensor;
import org.autograd4j.nn.optim.OptimTesting.Bowl;
import org.junit.jupiter.api.Test;

class AdamWTest {
    @Test
    void firstThreeStepsMatchPseudocodeWithDefaults() {
        double[][] expected = AdamTest.reference(Bowl.STANDARD, Bowl.START, 3, 1e-3, 0.9, 0.999, 1e-8, 0.01, false,
                true);
        assertClose(expected, run(Bowl.STANDARD, Bowl.START, 3, p -> AdamW.builder(p).build()), 1e-14);
    }

    @Test
    void firstThreeStepsMatchPseudocodeWithStrongDecayAndAmsgrad() {
        double[][] expected = AdamTest.reference(Bowl.STANDARD, Bowl.START, 3, 0.2, 0.5, 0.75, 1e-4, 0.5, true, true);
        double[][] got = run(Bowl.STANDARD, Bowl.START, 3,
                p -> AdamW.builder(p).lr(0.2).betas(0.5, 0.75).eps(1e-4).weightDecay(0.5).amsgrad(true).build());
        assertClose(expected, got, 1e-14);
    }

    @Test
    void decayIsAppliedToTheParameterNotAddedToTheGradient() {
        // With a zero gradient Adam's step is 0/(0 + eps) = 0, so only the decoupled decay moves p.
        Tensor x = param(2.0);
        AdamW opt = AdamW.builder(List.of(x)).lr(0.1).weightDecay(0.5).build();
        x.setGrad(Tensor.of(new double[] {0}));
        opt.step();
        assertEquals(2.0 - 0.1 * 0.5 * 2.0, x.item(), 1e-15);
        opt.step();
        assertEquals(1.9 - 0.1 * 0.5 * 1.9, x.item(), 1e-15);
    }

    @Test
    void matchesPseudocodeForRandomHyperparameters() {
        qt().withExamples(200).forAll(longs().all()).checkAssert(seed -> {
            Random r = new Random(seed);
            double lr = 0.001 + r.nextDouble() * 0.5;
            double b1 = r.nextDouble() * 0.99;
            double b2 = r.nextDouble() * 0.999;
            double eps = r.nextBoolean() ? 1e-8 : r.nextDouble();
            double wd = r.nextBoolean() ? 0 : r.nextDouble();
            boolean ams = r.nextBoolean();
            double[] x0 = {r.nextGaussian(), r.nextGaussian(), r.nextGaussian()};
            double[][] expected = AdamTest.reference(Bowl.STANDARD, x0, 3, lr, b1, b2, eps, wd, ams, true);
            double[][] got = run(Bowl.STANDARD, x0, 3,
                    p -> AdamW.builder(p).lr(lr).betas(b1, b2).eps(eps).weightDecay(wd).amsgrad(ams).build());
            assertClose(expected, got, 1e-12);
        });
    }

    @Test
    void minimisesTheQuadraticBowl() {
        // The decay pulls towards 0 and Adam's normalised step only slowly outweighs it (v decays with beta2), so the
        // iterate sits slightly short of c; with weightDecay 0.01 by about 1e-3 after 3000 steps.
        double[][] xs = run(Bowl.STANDARD, Bowl.START, 3000, p -> AdamW.builder(p).lr(0.05).build());
        assertNear(Bowl.STANDARD.c(), xs[xs.length - 1], 3e-3);
        double[][] noDecay = run(Bowl.STANDARD, Bowl.START, 3000,
                p -> AdamW.builder(p).lr(0.05).weightDecay(0).build());
        assertNear(Bowl.STANDARD.c(), noDecay[noDecay.length - 1], 1e-4);
    }

    @Test
    void withoutDecayItIsExactlyAdam() {
        double[][] adamW = run(Bowl.STANDARD, Bowl.START, 50,
                p -> AdamW.builder(p).lr(0.1).weightDecay(0).amsgrad(true).build());
        double[][] adam = run(Bowl.STANDARD, Bowl.START, 50, p -> Adam.builder(p).lr(0.1).amsgrad(true).build());
        assertArrayEquals(adam, adamW);
    }
}
