package org.autograd4j.nn.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.function.Function;
import org.autograd4j.core.Tensor;
import org.junit.jupiter.api.Test;

/**
 * The schedules added for PyTorch parity beyond their reference numbers: a resumed schedule continues exactly (state
 * saved with its type, base rates included), and every mistake is named.
 */
class SchedulesTest {
    private static Optimizer twoGroups() {
        return Adam.builder(ParamGroup.of(List.of(Tensor.zeros(2).requiresGrad(true))),
                ParamGroup.of(List.of(Tensor.zeros(1).requiresGrad(true))).lr(0.02)).lr(0.1).build();
    }

    private static final List<Function<Optimizer, LrScheduler>> SCHEDULES = List.of(
            o -> new MultiStepLr(o, List.of(2, 4, 4), 0.5),
            o -> new LambdaLr(o, e -> 1.0 / (1 + e)),
            o -> new LinearLr(o, 0.2, 1.0, 4),
            o -> new SequentialLr(o, List.of(new LinearLr(o, 0.1, 1.0, 3), new CosineAnnealingLr(o, 6, 0.001)),
                    List.of(3)),
            o -> OneCycleLr.builder(o, 1.0, 12).maxLrPerGroup(1.0, 0.3).threePhase(true).build(),
            o -> new CosineAnnealingWarmRestarts(o, 2, 2, 0.001));

    @Test
    void aResumedScheduleContinuesAsIfNeverStopped() {
        for (Function<Optimizer, LrScheduler> make : SCHEDULES) {
            Optimizer opt = twoGroups();
            LrScheduler sched = make.apply(opt);
            for (int i = 0; i < 5; i++) {
                sched.step();
            }
            OptimizerState optState = opt.state();
            SchedulerState schedState = SchedulerState.of(sched);
            Optimizer fresh = twoGroups();
            LrScheduler resumed = make.apply(fresh);
            fresh.loadState(optState);
            resumed.loadState(schedState);
            String name = schedState.type();
            for (int i = 0; i < 6; i++) {
                sched.step();
                resumed.step();
                assertEquals(opt.learningRate(0), fresh.learningRate(0), 0, name + " group 0 at step " + (6 + i));
                assertEquals(opt.learningRate(1), fresh.learningRate(1), 0, name + " group 1 at step " + (6 + i));
            }
            assertEquals(sched.lastEpoch(), resumed.lastEpoch(), name);
        }
    }

    @Test
    void loadingTheScheduleSetsTheRatesOfItsStepWhateverTheOrderOfLoading() {
        for (Function<Optimizer, LrScheduler> make : SCHEDULES) {
            Optimizer opt = twoGroups();
            LrScheduler sched = make.apply(opt);
            for (int i = 0; i < 5; i++) {
                sched.step();
            }
            Optimizer fresh = twoGroups();
            fresh.loadState(opt.state());
            LrScheduler late = make.apply(fresh);
            late.loadState(SchedulerState.of(sched));
            String name = sched.getClass().getSimpleName();
            for (int i = 0; i < 3; i++) {
                assertEquals(opt.learningRate(0), fresh.learningRate(0), 1e-15, name + " group 0, step " + (5 + i));
                assertEquals(opt.learningRate(1), fresh.learningRate(1), 1e-15, name + " group 1, step " + (5 + i));
                sched.step();
                late.step();
            }
        }
    }

    @Test
    void theBaseRatesTravelWithTheState() {
        Optimizer opt = twoGroups();
        LinearLr warmup = new LinearLr(opt, 0.5, 1.0, 2);
        Optimizer other = Adam.builder(ParamGroup.of(List.of(Tensor.zeros(2).requiresGrad(true))),
                ParamGroup.of(List.of(Tensor.zeros(1).requiresGrad(true)))).lr(0.7).build();
        LinearLr resumed = new LinearLr(other, 0.5, 1.0, 2);
        resumed.loadState(SchedulerState.of(warmup));
        resumed.step();
        assertEquals(0.075, other.learningRate(0), 1e-15);
        assertEquals(0.015, other.learningRate(1), 1e-15);
    }

    @Test
    void oneCycleCyclesMomentumUnlessToldNotToAndNeedsOneToCycle() {
        Optimizer adam = twoGroups();
        new OneCycleLr(adam, 0.1, 10);
        assertEquals(0.95, adam.momentum(1).orElseThrow(), 1e-15);
        Optimizer adagrad = Adagrad.builder(List.of(Tensor.zeros(1).requiresGrad(true))).build();
        assertEquals("OneCycleLr: cycleMomentum needs an optimizer with a momentum or beta1 (Sgd, RmsProp, Adam, "
                + "AdamW); Adagrad has neither; build with cycleMomentum(false)",
                message(() -> new OneCycleLr(adagrad, 0.1, 10)));
        OneCycleLr.builder(adagrad, 0.1, 10).cycleMomentum(false).build();
        assertEquals(0.004, adagrad.learningRate(), 1e-15);
    }

    @Test
    void aMomentumSetAfterBuildingStartsItsBufferAtZeroAsIfGivenAtFirst() {
        Tensor a = Tensor.of(new double[] {1, -2}).requiresGrad(true);
        Tensor b = Tensor.of(new double[] {1, -2}).requiresGrad(true);
        Optimizer late = RmsProp.builder(List.of(a)).build();
        late.setMomentum(0, 0.9);
        Optimizer early = RmsProp.builder(List.of(b)).momentum(0.9).build();
        for (int t = 0; t < 3; t++) {
            a.setGrad(Tensor.of(new double[] {0.5, t - 1.0}));
            b.setGrad(Tensor.of(new double[] {0.5, t - 1.0}));
            late.step();
            early.step();
        }
        org.junit.jupiter.api.Assertions.assertArrayEquals(b.toDoubleArray(), a.toDoubleArray(), 0);
        assertEquals("Adagrad: has no momentum to set", assertThrows(UnsupportedOperationException.class,
                () -> Adagrad.builder(List.of(a)).build().setMomentum(0, 0.5)).getMessage());
    }

    /**
     * PyTorch 2.13: {@code OneCycleLR(opt, max_lr=1.0, total_steps=4)} steps 4 times, and the 5th raises "Tried to
     * step 5 times. The specified number of total steps is 4". The 4th step's rate is 0.283 there (cosine; -0.357
     * linear), ours the final rate (see the class's note); the failed step leaves ours as it was.
     */
    @Test
    void oneCycleRefusesAStepPastItsEnd() {
        for (OneCycleLr.Anneal anneal : OneCycleLr.Anneal.values()) {
            Optimizer opt = Sgd.builder(List.of(Tensor.zeros(1).requiresGrad(true))).lr(0.1).momentum(0.9).build();
            OneCycleLr sched = OneCycleLr.builder(opt, 1.0, 4).anneal(anneal).build();
            for (int i = 0; i < 4; i++) {
                sched.step();
            }
            assertEquals(4e-6, opt.learningRate(0), 1e-15, anneal.name());
            IllegalStateException e = assertThrows(IllegalStateException.class, sched::step);
            assertEquals("OneCycleLr: tried to step 5 times; the specified number of total steps is 4 (give"
                    + " totalSteps = epochs × batches per epoch and step once per batch)", e.getMessage());
            assertEquals(4, sched.lastEpoch());
            assertEquals(4e-6, opt.learningRate(0), 1e-15);
        }
    }

    @Test
    void mistakesAreNamed() {
        Optimizer opt = twoGroups();
        assertEquals("MultiStepLr: milestones must be >= 1, got [3, 0]",
                message(() -> new MultiStepLr(opt, List.of(3, 0), 0.1)));
        assertEquals("LinearLr: startFactor must be in (0, 1], got 0.0", message(() -> new LinearLr(opt, 0, 1, 5)));
        assertEquals("LinearLr: totalIters must be >= 1, got 0", message(() -> new LinearLr(opt, 0.5, 1, 0)));
        assertEquals("LambdaLr: expected 2 non-null factors (one per parameter group), got 1",
                message(() -> new LambdaLr(opt, List.of(e -> 1.0))));
        LambdaLr bad = new LambdaLr(opt, e -> e == 0 ? 1 : Double.NaN);
        assertEquals("LambdaLr: the factor of group 0 at epoch 1 is NaN; it must be finite and >= 0",
                message(bad::step));
        assertEquals("OneCycleLr: expected one maxLr or 2 (one per parameter group), got 3",
                message(() -> OneCycleLr.builder(opt, 0.1, 10).maxLrPerGroup(1, 2, 3).build()));
        assertEquals("OneCycleLr: pctStart must be in [0, 1], got 1.5",
                message(() -> OneCycleLr.builder(opt, 0.1, 10).pctStart(1.5).build()));
        assertEquals("CosineAnnealingWarmRestarts: tMult must be >= 1, got 0",
                message(() -> new CosineAnnealingWarmRestarts(opt, 3, 0, 0)));
        LrScheduler plateau = new ReduceLrOnPlateau(opt, ReduceLrOnPlateau.Mode.MIN);
        LrScheduler step = new StepLr(opt, 2, 0.5);
        assertEquals("SequentialLr: schedule 1 is a ReduceLrOnPlateau; only this package's schedules with a closed "
                + "form can be sequenced", message(() -> new SequentialLr(opt, List.of(step, plateau), List.of(2))));
        assertEquals("SequentialLr: expected 1 milestones for 2 schedules, got [2, 4]",
                message(() -> new SequentialLr(opt, List.of(step, step), List.of(2, 4))));
        assertEquals("SequentialLr: schedule 0 is over another optimizer",
                message(() -> new SequentialLr(twoGroups(), List.of(step), List.of())));
    }

    private static String message(Runnable r) {
        return assertThrows(IllegalArgumentException.class, r::run).getMessage();
    }
}
