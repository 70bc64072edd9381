package org.autograd4j.nn.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.autograd4j.core.Tensor;
import org.junit.jupiter.api.Test;

/** Parameter groups: per-group hyper-parameters, the builder's values as defaults, state, schedulers, errors. */
class ParamGroupTest {
    private static Tensor grad(double... v) {
        return Tensor.of(v);
    }

    private static Tensor leaf(double... v) {
        return Tensor.of(v).requiresGrad(true);
    }

    @Test
    void eachGroupStepsWithItsOwnLearningRateAndTheBuildersDefaultsForTheRest() {
        Tensor a = leaf(1, 2);
        Tensor b = leaf(3);
        Optimizer opt = Sgd.builder(ParamGroup.of(List.of(a)), ParamGroup.of(List.of(b)).lr(0.5)).lr(0.1).build();
        a.setGrad(grad(1.0, 1.0));
        b.setGrad(grad(1.0));
        opt.step();
        assertArrayEquals(new double[] {0.9, 1.9}, a.toDoubleArray(), 1e-15);
        assertArrayEquals(new double[] {2.5}, b.toDoubleArray(), 1e-15);
        assertEquals(2, opt.groupCount());
        assertEquals(0.1, opt.learningRate());
        assertEquals(0.5, opt.learningRate(1));
        assertEquals(List.of(b), opt.parameters(1));
        assertEquals(List.of(a, b), opt.parameters());
    }

    @Test
    void aGroupWithoutDecayEqualsAnOptimizerWithoutDecay() {
        Tensor w = leaf(1, -2);
        Tensor bias = leaf(0.5);
        Tensor alone = leaf(0.5);
        Optimizer grouped = AdamW.builder(ParamGroup.of(List.of(w)), ParamGroup.of(List.of(bias)).weightDecay(0))
                .lr(0.01).weightDecay(0.1).build();
        Optimizer plain = AdamW.builder(List.of(alone)).lr(0.01).weightDecay(0).build();
        for (int t = 0; t < 5; t++) {
            w.setGrad(grad(0.3, -0.1));
            bias.setGrad(grad(0.2 * t - 0.3));
            alone.setGrad(grad(0.2 * t - 0.3));
            grouped.step();
            plain.step();
        }
        assertArrayEquals(alone.toDoubleArray(), bias.toDoubleArray(), 0);
    }

    @Test
    void settingTheLearningRateWithoutAGroupSetsEveryGroup() {
        Optimizer opt = RmsProp.builder(ParamGroup.of(List.of(leaf(1))), ParamGroup.of(List.of(leaf(2))).lr(0.5))
                .build();
        opt.setLearningRate(0.03);
        assertEquals(0.03, opt.learningRate(0));
        assertEquals(0.03, opt.learningRate(1));
        opt.setLearningRate(1, 0.07);
        assertEquals(0.07, opt.learningRate(1));
    }

    @Test
    void schedulersScaleEveryGroupFromItsOwnBaseRate() {
        Optimizer opt = Adam.builder(ParamGroup.of(List.of(leaf(1))), ParamGroup.of(List.of(leaf(2))).lr(0.02))
                .lr(0.1).build();
        LrScheduler sched = new StepLr(opt, 1, 0.5);
        sched.step();
        assertEquals(0.05, opt.learningRate(0), 1e-15);
        assertEquals(0.01, opt.learningRate(1), 1e-15);
    }

    @Test
    void stateRoundTripsWithGroupsAndAPlainOptimizersStateHasNoGroupEntry() {
        Tensor a = leaf(1, 2);
        Tensor b = leaf(3);
        Optimizer opt = Sgd.builder(ParamGroup.of(List.of(a)).momentum(0.9), ParamGroup.of(List.of(b)).lr(0.3))
                .lr(0.1).build();
        a.setGrad(grad(1.0, 2.0));
        b.setGrad(grad(1.0));
        opt.step();
        OptimizerState s = opt.state();
        assertEquals(0.3, s.hyperparameters().get("group1.lr"));
        assertEquals(0.9, s.hyperparameters().get("momentum"));
        assertEquals(0.0, s.hyperparameters().get("group1.momentum"));
        assertArrayEquals(new double[] {1, 1}, s.buffers().get("group_sizes"));
        Optimizer fresh = Sgd.builder(ParamGroup.of(List.of(leaf(0, 0))), ParamGroup.of(List.of(leaf(0)))).build();
        fresh.loadState(s);
        assertEquals(s.hyperparameters(), fresh.state().hyperparameters());
        assertArrayEquals(s.buffers().get("0.momentum_buffer"), fresh.state().buffers().get("0.momentum_buffer"));
        assertFalse(Sgd.builder(List.of(leaf(1))).build().state().buffers().containsKey("group_sizes"));
    }

    @Test
    void aStateOfOtherGroupsIsRefusedNamingTheGroups() {
        Tensor a = leaf(1);
        Tensor b = leaf(2);
        OptimizerState single = Adam.builder(List.of(a, b)).build().state();
        Optimizer grouped = Adam.builder(ParamGroup.of(List.of(a)), ParamGroup.of(List.of(b))).build();
        var e = assertThrows(IllegalArgumentException.class, () -> grouped.loadState(single));
        assertEquals("Adam.loadState: the state's parameter groups have [2] parameters, this optimizer's have [1, 1]",
                e.getMessage());
    }

    @Test
    void mistakesInGroupsAreNamed() {
        Tensor a = leaf(1);
        assertEquals("Sgd: group 1 sets beta1, which Sgd does not have", message(() -> Sgd.builder(
                ParamGroup.of(List.of(a)), ParamGroup.of(List.of(leaf(2))).betas(0.9, 0.99)).build()));
        assertEquals("AdamW: group 1: weightDecay must be >= 0, got -1.0", message(() -> AdamW.builder(
                ParamGroup.of(List.of(a)), ParamGroup.of(List.of(leaf(2))).weightDecay(-1)).build()));
        assertEquals("Sgd: group 0: lr must be > 0, got 0.0", message(() -> Sgd.builder(
                ParamGroup.of(List.of(a)).lr(0)).build()));
        assertEquals("Sgd: parameter 1 is the same tensor as parameter 0; pass each parameter once", message(() ->
                Sgd.builder(ParamGroup.of(List.of(a)), ParamGroup.of(List.of(a))).build()));
        assertEquals("Sgd: no parameter groups given", message(() -> Sgd.builder(new ParamGroup[0])));
        assertEquals("RmsProp: parameter list is empty", message(() -> RmsProp.builder(
                ParamGroup.of(List.of()), ParamGroup.of(List.of())).build()));
        assertEquals("ParamGroup: parameter list is null", message(() -> ParamGroup.of(null)));
        Optimizer opt = Adagrad.builder(ParamGroup.of(List.of(a))).build();
        assertEquals("Adagrad: group 1 does not exist; this optimizer has 1 group", message(() -> opt.learningRate(1)));
    }

    @Test
    void anEmptyGroupIsAllowedWhenAnotherHoldsParameters() {
        Optimizer opt = Sgd.builder(ParamGroup.of(List.of(leaf(1))), ParamGroup.of(List.of()).weightDecay(0)).build();
        assertTrue(opt.parameters(1).isEmpty());
    }

    private static String message(Runnable r) {
        return assertThrows(IllegalArgumentException.class, r::run).getMessage();
    }
}
