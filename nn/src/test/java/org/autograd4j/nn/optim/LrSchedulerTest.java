package org.autograd4j.nn.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.autograd4j.nn.optim.ReduceLrOnPlateau.Mode;
import org.junit.jupiter.api.Test;

class LrSchedulerTest {
    private static Optimizer sgd(double lr) {
        return Sgd.builder(List.of(OptimTesting.param(1))).lr(lr).build();
    }

    /** The learning rate before any step, then after each of {@code steps} steps. */
    private static double[] sequence(Optimizer opt, LrScheduler s, int steps) {
        double[] lrs = new double[steps + 1];
        lrs[0] = opt.learningRate();
        for (int i = 1; i <= steps; i++) {
            s.step();
            lrs[i] = s.lastLr();
        }
        return lrs;
    }

    @Test
    void stepLrHalvesEveryTwoEpochs() {
        Optimizer opt = sgd(0.1);
        StepLr s = new StepLr(opt, 2, 0.5);
        assertArrayEquals(new double[] {0.1, 0.1, 0.05, 0.05, 0.025, 0.025, 0.0125}, sequence(opt, s, 6));
        assertEquals(6, s.lastEpoch());
        assertEquals(0.0125, opt.learningRate());
    }

    @Test
    void exponentialLrMultipliesEveryEpoch() {
        Optimizer opt = sgd(0.1);
        double[] lrs = sequence(opt, new ExponentialLr(opt, 0.9), 5);
        double expected = 0.1;
        for (int e = 0; e <= 5; e++) {
            assertEquals(expected, lrs[e]);   // PyTorch multiplies the current rate: 0.1, 0.1*0.9, 0.1*0.9*0.9, ...
            assertEquals(0.1 * Math.pow(0.9, e), lrs[e], 1e-16);
            expected *= 0.9;
        }
    }

    @Test
    void cosineAnnealingFollowsTheClosedForm() {
        Optimizer opt = sgd(0.1);
        double[] lrs = sequence(opt, new CosineAnnealingLr(opt, 10, 0.001), 25);
        for (int e = 0; e <= 25; e++) {
            assertEquals(0.001 + (0.1 - 0.001) * (1 + Math.cos(Math.PI * e / 10)) / 2, lrs[e], 1e-17);
        }
        assertEquals(0.001, lrs[10], 1e-17);
        assertEquals(0.0505, lrs[5], 1e-17);
        assertEquals(0.1, lrs[20], 1e-17);
    }

    @Test
    void cosineAnnealingMayReachZero() {
        Optimizer opt = sgd(0.1);
        double[] lrs = sequence(opt, new CosineAnnealingLr(opt, 4, 0), 4);
        assertEquals(0.0, lrs[4]);
    }

    @Test
    void plateauReducesAfterPatienceBadEpochs() {
        Optimizer opt = sgd(1.0);
        ReduceLrOnPlateau s = new ReduceLrOnPlateau(opt, Mode.MIN, 0.5, 2, 1e-4, 0, 0);
        double[] losses = {1.0, 0.9, 0.95, 0.9, 0.91, 0.8, 0.8, 0.8, 0.8, 0.8, 0.8, 0.8};
        // bad epochs:     0    0    1     2    3:cut 0    1    2    3:cut 1    2    3:cut
        double[] expected = {1, 1, 1, 1, 1, 0.5, 0.5, 0.5, 0.5, 0.25, 0.25, 0.25, 0.125};
        double[] lrs = new double[losses.length + 1];
        lrs[0] = opt.learningRate();
        for (int i = 0; i < losses.length; i++) {
            s.step(losses[i]);
            lrs[i + 1] = opt.learningRate();
        }
        assertArrayEquals(expected, lrs);
        assertEquals(0.8, s.best());
    }

    @Test
    void plateauImprovementMustExceedTheRelativeThreshold() {
        Optimizer opt = sgd(1.0);
        ReduceLrOnPlateau s = new ReduceLrOnPlateau(opt, Mode.MIN, 0.1, 0, 0.01, 0, 0);
        s.step(1.0);
        s.step(0.995);   // not below 1.0 * (1 - 0.01): a bad epoch, and patience 0 cuts at once
        assertEquals(0.1, opt.learningRate(), 1e-17);
        s.step(0.98);    // below 0.99: an improvement
        assertEquals(0.1, opt.learningRate(), 1e-17);
        assertEquals(0.98, s.best());
    }

    @Test
    void plateauMaxModeCooldownAndFloor() {
        Optimizer opt = sgd(1.0);
        ReduceLrOnPlateau s = new ReduceLrOnPlateau(opt, Mode.MAX, 0.1, 0, 0, 2, 0.05);
        Function<Double, Double> step = m -> {
            s.step(m);
            return opt.learningRate();
        };
        assertEquals(1.0, step.apply(0.5));
        assertEquals(0.1, step.apply(0.4), 1e-17);    // worse: cut, cooldown 2 begins
        assertEquals(0.1, step.apply(0.4), 1e-17);    // cooldown: bad epochs not counted
        assertEquals(0.1, step.apply(0.4), 1e-17);    // cooldown
        assertEquals(0.05, step.apply(0.4), 1e-17);   // cut to max(0.01, minLr 0.05)
        assertEquals(0.05, step.apply(0.6), 1e-17);   // better
        step.apply(0.1);
        step.apply(0.1);
        step.apply(0.1);
        assertEquals(0.05, opt.learningRate(), 1e-17);   // at the floor: no change below 1e-8
    }

    @Test
    void plateauDefaultsArePyTorchs() {
        Optimizer opt = sgd(1.0);
        ReduceLrOnPlateau s = new ReduceLrOnPlateau(opt, Mode.MIN);
        s.step(1.0);
        for (int i = 0; i < 10; i++) {
            s.step(1.0);
        }
        assertEquals(1.0, opt.learningRate());
        s.step(1.0);   // the 11th bad epoch exceeds patience 10
        assertEquals(0.1, opt.learningRate());
    }

    @Test
    void plateauNeedsTheMetricOtherSchedulersIgnoreIt() {
        Optimizer opt = sgd(0.1);
        assertEquals("ReduceLrOnPlateau: step() needs the monitored metric; call step(metric)",
                assertThrows(IllegalStateException.class, () -> new ReduceLrOnPlateau(opt, Mode.MIN).step())
                        .getMessage());
        StepLr s = new StepLr(opt, 1, 0.5);
        s.step(123.0);
        assertEquals(0.05, opt.learningRate());
    }

    @Test
    void badArgumentsAreRejectedWithTheirValue() {
        Optimizer opt = sgd(0.1);
        assertEquals("StepLr: stepSize must be >= 1, got 0",
                assertThrows(IllegalArgumentException.class, () -> new StepLr(opt, 0, 0.5)).getMessage());
        assertEquals("ExponentialLr: gamma must be > 0, got -0.5",
                assertThrows(IllegalArgumentException.class, () -> new ExponentialLr(opt, -0.5)).getMessage());
        assertEquals("CosineAnnealingLr: etaMin must be >= 0, got -1.0",
                assertThrows(IllegalArgumentException.class, () -> new CosineAnnealingLr(opt, 5, -1)).getMessage());
        assertEquals("ReduceLrOnPlateau: factor must be in (0, 1), got 1.0", assertThrows(
                IllegalArgumentException.class, () -> new ReduceLrOnPlateau(opt, Mode.MIN, 1.0, 1, 0, 0, 0))
                .getMessage());
        assertEquals("ReduceLrOnPlateau: patience must be >= 0, got -1", assertThrows(
                IllegalArgumentException.class, () -> new ReduceLrOnPlateau(opt, Mode.MIN, 0.5, -1, 0, 0, 0))
                .getMessage());
        assertEquals("StepLr: optimizer is null",
                assertThrows(IllegalArgumentException.class, () -> new StepLr(null, 1, 0.5)).getMessage());
    }

    /** Makes a scheduler for an optimizer, for the resume test. */
    private interface Factory {
        LrScheduler make(Optimizer opt);
    }

    @Test
    void resumedSchedulesContinueExactly() {
        List<Factory> factories = List.of(o -> new StepLr(o, 3, 0.5), o -> new ExponentialLr(o, 0.9),
                o -> new CosineAnnealingLr(o, 7, 0.01), o -> new ReduceLrOnPlateau(o, Mode.MIN, 0.5, 1, 0, 1, 0));
        double[] metrics = {5, 4, 4, 4, 3, 3, 3, 3, 2, 2, 2, 2, 2};
        for (Factory f : factories) {
            Optimizer straight = sgd(0.1);
            LrScheduler s = f.make(straight);
            Optimizer first = sgd(0.1);
            LrScheduler s1 = f.make(first);
            for (int e = 0; e < 6; e++) {
                s.step(metrics[e]);
                s1.step(metrics[e]);
            }
            Optimizer resumed = sgd(0.1);
            LrScheduler s2 = f.make(resumed);   // built at lr 0.1, as a restarted program would
            resumed.loadState(first.state());
            s2.loadState(s1.state());
            for (int e = 6; e < metrics.length; e++) {
                s.step(metrics[e]);
                s2.step(metrics[e]);
                assertEquals(straight.learningRate(), resumed.learningRate(), s.getClass().getSimpleName() + " " + e);
            }
            assertEquals(s.state(), s2.state());
        }
    }

    @Test
    void badSchedulerStateIsRejected() {
        StepLr s = new StepLr(sgd(0.1), 2, 0.5);
        assertEquals("StepLr.loadState: \"last_epoch\" is missing",
                assertThrows(IllegalArgumentException.class, () -> s.loadState(Map.of())).getMessage());
        assertEquals("StepLr.loadState: \"last_epoch\" must be a non-negative whole number, got -1.0",
                assertThrows(IllegalArgumentException.class, () -> s.loadState(Map.of("last_epoch", -1.0)))
                        .getMessage());
    }
}
