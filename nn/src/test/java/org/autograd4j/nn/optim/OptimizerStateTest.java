package org.autograd4j.nn.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.autograd4j.core.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Export → fresh optimizer → load → the run continues exactly as an uninterrupted one. */
class OptimizerStateTest {
    private static final double[] X0 = {0.5, -1.5, 2.0};
    private static final double[] Y0 = {1.0, -2.0, 0.25, 3.0};

    /** Each case: a configured optimizer that fills every buffer, and a defaults-only one of the same type. */
    static Stream<Arguments> optimizers() {
        return Stream.of(
                Arguments.of("Sgd", (Function<List<Tensor>, Optimizer>) p -> Sgd.builder(p).lr(0.05).momentum(0.9)
                        .nesterov(true).weightDecay(0.01).build(),
                        (Function<List<Tensor>, Optimizer>) p -> Sgd.builder(p).build()),
                Arguments.of("Sgd", (Function<List<Tensor>, Optimizer>) p -> Sgd.builder(p).lr(0.05).momentum(0.5)
                        .dampening(0.2).build(),
                        (Function<List<Tensor>, Optimizer>) p -> Sgd.builder(p).build()),
                Arguments.of("RmsProp", (Function<List<Tensor>, Optimizer>) p -> RmsProp.builder(p).lr(0.01)
                        .alpha(0.9).momentum(0.5).centered(true).weightDecay(0.01).build(),
                        (Function<List<Tensor>, Optimizer>) p -> RmsProp.builder(p).build()),
                Arguments.of("Adagrad", (Function<List<Tensor>, Optimizer>) p -> Adagrad.builder(p).lr(0.3)
                        .lrDecay(0.1).initialAccumulatorValue(0.2).weightDecay(0.01).build(),
                        (Function<List<Tensor>, Optimizer>) p -> Adagrad.builder(p).build()),
                Arguments.of("Adam", (Function<List<Tensor>, Optimizer>) p -> Adam.builder(p).lr(0.05)
                        .betas(0.8, 0.95).weightDecay(0.01).amsgrad(true).build(),
                        (Function<List<Tensor>, Optimizer>) p -> Adam.builder(p).build()),
                Arguments.of("AdamW", (Function<List<Tensor>, Optimizer>) p -> AdamW.builder(p).lr(0.05)
                        .weightDecay(0.1).amsgrad(true).build(),
                        (Function<List<Tensor>, Optimizer>) p -> AdamW.builder(p).build()));
    }

    /** A loss over x (every step) and y (even steps only, so y's grad is null on odd steps and it is skipped). */
    private static void backward(Tensor x, Tensor y, int t) {
        x.zeroGrad();
        y.zeroGrad();
        Tensor loss = x.sub(Tensor.of(new double[] {2, -1, 0.5})).square().mul(Tensor.of(new double[] {1, 3, 0.5}))
                .sum();
        if (t % 2 == 0) {
            loss = loss.add(y.mul(y).mul(0.7).sum()).add(y.mul(x.sum()).sum());
        }
        loss.backward();
    }

    private static void steps(Optimizer opt, Tensor x, Tensor y, int from, int to) {
        for (int t = from; t < to; t++) {
            backward(x, y, t);
            opt.step();
            if (t == 3) {
                opt.setLearningRate(opt.learningRate() * 0.5);   // as a scheduler would
            }
        }
    }

    /** A deep copy, as a save and load through a file would give. */
    private static OptimizerState copy(OptimizerState s) {
        Map<String, double[]> buffers = new LinkedHashMap<>();
        s.buffers().forEach((k, v) -> buffers.put(k, v.clone()));
        return new OptimizerState(s.type(), new LinkedHashMap<>(s.hyperparameters()), buffers);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("optimizers")
    void resumedRunContinuesExactly(String type, Function<List<Tensor>, Optimizer> configured,
            Function<List<Tensor>, Optimizer> defaults) {
        Tensor x = OptimTesting.param(X0);
        Tensor y = Tensor.of(Y0, 2, 2).requiresGrad(true);
        steps(configured.apply(List.of(x, y)), x, y, 0, 10);

        Tensor x1 = OptimTesting.param(X0);
        Tensor y1 = Tensor.of(Y0, 2, 2).requiresGrad(true);
        Optimizer first = configured.apply(List.of(x1, y1));
        steps(first, x1, y1, 0, 5);
        OptimizerState saved = copy(first.state());
        assertEquals(type, saved.type());

        Tensor x2 = OptimTesting.param(x1.toDoubleArray());
        Tensor y2 = Tensor.of(y1.toDoubleArray(), 2, 2).requiresGrad(true);
        Optimizer resumed = defaults.apply(List.of(x2, y2));
        resumed.loadState(saved);
        assertEquals(first.learningRate(), resumed.learningRate());
        steps(resumed, x2, y2, 5, 10);

        assertArrayEquals(x.toDoubleArray(), x2.toDoubleArray());
        assertArrayEquals(y.toDoubleArray(), y2.toDoubleArray());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("optimizers")
    void failedLoadLeavesTheOptimizerUnchanged(String type, Function<List<Tensor>, Optimizer> configured,
            Function<List<Tensor>, Optimizer> defaults) {
        Tensor x = OptimTesting.param(X0);
        Tensor y = Tensor.of(Y0, 2, 2).requiresGrad(true);
        Optimizer opt = configured.apply(List.of(x, y));
        steps(opt, x, y, 0, 3);
        OptimizerState before = opt.state();
        Map<String, double[]> buffers = new LinkedHashMap<>(before.buffers());
        String last = buffers.keySet().stream().reduce((a, b) -> b).orElseThrow();
        buffers.put(last, new double[] {1, 2, 3, 4, 5, 6, 7});
        Map<String, Double> hyper = new LinkedHashMap<>(before.hyperparameters());
        hyper.put("lr", 123.0);
        assertThrows(IllegalArgumentException.class,
                () -> opt.loadState(new OptimizerState(type, hyper, buffers)));
        OptimizerState after = opt.state();
        assertEquals(before.hyperparameters(), after.hyperparameters());
        assertEquals(before.buffers().keySet(), after.buffers().keySet());
        before.buffers().forEach((k, v) -> assertArrayEquals(v, after.buffers().get(k), k));
    }

    @Test
    void stateIsACopyNamedAsPyTorchNamesIt() {
        Tensor x = OptimTesting.param(1, 2);
        Adam opt = Adam.builder(List.of(x)).amsgrad(true).build();
        x.setGrad(Tensor.of(new double[] {0.5, -0.5}));
        opt.step();
        OptimizerState s = opt.state();
        assertEquals(List.of("lr", "beta1", "beta2", "eps", "weight_decay", "amsgrad"),
                List.copyOf(s.hyperparameters().keySet()));
        assertEquals(List.of("param_sizes", "0.step", "0.exp_avg", "0.exp_avg_sq", "0.max_exp_avg_sq"),
                List.copyOf(s.buffers().keySet()));
        s.buffers().get("0.exp_avg")[0] = 99;
        assertNotSame(s.buffers().get("0.exp_avg"), opt.state().buffers().get("0.exp_avg"));
        assertEquals((1 - 0.9) * 0.5, opt.state().buffers().get("0.exp_avg")[0]);
    }

    @Test
    void sgdExportsOnlyMomentumBuffersThatExist() {
        Tensor x = OptimTesting.param(1, 2);
        Tensor unused = OptimTesting.param(3);
        Sgd opt = Sgd.builder(List.of(x, unused)).momentum(0.9).build();
        x.setGrad(Tensor.of(new double[] {1, 1}));
        opt.step();
        assertEquals(List.of("param_sizes", "0.momentum_buffer"), List.copyOf(opt.state().buffers().keySet()));
    }

    private static Adam adamWithState() {
        Tensor x = OptimTesting.param(1, 2, 3);
        Adam opt = Adam.builder(List.of(x)).build();
        x.setGrad(Tensor.of(new double[] {1, 1, 1}));
        opt.step();
        return opt;
    }

    private static String loadError(Optimizer into, OptimizerState s) {
        return assertThrows(IllegalArgumentException.class, () -> into.loadState(s)).getMessage();
    }

    @Test
    void loadErrorsNameTheProblem() {
        OptimizerState good = adamWithState().state();
        Tensor x = OptimTesting.param(0, 0, 0);
        assertEquals("Sgd.loadState: the state is from Adam, not Sgd",
                loadError(Sgd.builder(List.of(x)).build(), good));
        assertEquals("Adam.loadState: the state is for 1 parameters, this optimizer has 2",
                loadError(Adam.builder(List.of(x, OptimTesting.param(1))).build(), good));
        assertEquals("Adam.loadState: parameter 0 has 2 elements, the state's has 3",
                loadError(Adam.builder(List.of(OptimTesting.param(1, 2))).build(), good));
        Adam target = Adam.builder(List.of(x)).build();

        Map<String, double[]> missing = new LinkedHashMap<>(good.buffers());
        missing.remove("0.exp_avg_sq");
        assertEquals("Adam.loadState: buffer \"0.exp_avg_sq\" is missing",
                loadError(target, new OptimizerState("Adam", good.hyperparameters(), missing)));

        Map<String, double[]> shortBuffer = new LinkedHashMap<>(good.buffers());
        shortBuffer.put("0.exp_avg", new double[2]);
        assertEquals("Adam.loadState: buffer \"0.exp_avg\" has 2 values, parameter 0 has 3",
                loadError(target, new OptimizerState("Adam", good.hyperparameters(), shortBuffer)));

        Map<String, double[]> badStep = new LinkedHashMap<>(good.buffers());
        badStep.put("0.step", new double[] {1.5});
        assertEquals("Adam.loadState: buffer \"0.step\" must hold one non-negative whole number, got [1.5]",
                loadError(target, new OptimizerState("Adam", good.hyperparameters(), badStep)));

        Map<String, Double> badBeta = new LinkedHashMap<>(good.hyperparameters());
        badBeta.put("beta1", 1.5);
        assertEquals("Adam: beta1 must be in [0, 1), got 1.5",
                loadError(target, new OptimizerState("Adam", badBeta, good.buffers())));

        Map<String, Double> noEps = new LinkedHashMap<>(good.hyperparameters());
        noEps.remove("eps");
        assertEquals("Adam.loadState: hyper-parameter \"eps\" is missing",
                loadError(target, new OptimizerState("Adam", noEps, good.buffers())));

        Map<String, Double> badFlag = new LinkedHashMap<>(good.hyperparameters());
        badFlag.put("amsgrad", 0.5);
        assertEquals("Adam.loadState: hyper-parameter \"amsgrad\" must be 0 or 1, got 0.5",
                loadError(target, new OptimizerState("Adam", badFlag, good.buffers())));
    }
}
