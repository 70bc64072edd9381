package org.autograd4j.nn.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.autograd4j.core.DType;
import org.autograd4j.core.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** What every optimizer promises, whatever its rule. */
class OptimizerContractTest {
    static Stream<Arguments> optimizers() {
        return Stream.of(
                Arguments.of("Sgd", (Function<List<Tensor>, Optimizer>) p -> Sgd.builder(p).lr(0.01).momentum(0.9)
                        .nesterov(true).weightDecay(0.01).build()),
                Arguments.of("RmsProp", (Function<List<Tensor>, Optimizer>) p -> RmsProp.builder(p).momentum(0.5)
                        .centered(true).weightDecay(0.1).build()),
                Arguments.of("Adagrad", (Function<List<Tensor>, Optimizer>) p -> Adagrad.builder(p).lr(0.1)
                        .weightDecay(0.1).build()),
                Arguments.of("Adam", (Function<List<Tensor>, Optimizer>) p -> Adam.builder(p).lr(0.01).amsgrad(true)
                        .weightDecay(0.1).build()),
                Arguments.of("AdamW", (Function<List<Tensor>, Optimizer>) p -> AdamW.builder(p).lr(0.01).build()));
    }

    /** Every optimizer, plus plain SGD, whose FLOAT32 update has a loop of its own. */
    static Stream<Arguments> float32Cases() {
        return Stream.concat(optimizers(), Stream.of(Arguments.of("Sgd (no momentum)",
                (Function<List<Tensor>, Optimizer>) p -> Sgd.builder(p).lr(0.05).weightDecay(0.01).build())));
    }

    /**
     * A FLOAT32 parameter takes the FLOAT64 step rounded once to float; SGD, Adam and AdamW compute in float with float
     * state, as PyTorch does, so theirs agree within float rounding of the value and of the step. Both runs see
     * the same gradients and, at the start of every step, the same values, so any larger difference is the float path
     * computing something else.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("float32Cases")
    void float32StepIsTheFloat64StepRounded(String name, Function<List<Tensor>, Optimizer> make) {
        Tensor w32 = Tensor.of(new float[] {0.1f, -0.7f, 1.3f, 2.9f}, 2, 2).requiresGrad(true);
        Tensor w64 = w32.to(DType.FLOAT64).detach().requiresGrad(true);
        Optimizer opt32 = make.apply(List.of(w32));
        Optimizer opt64 = make.apply(List.of(w64));
        java.util.Random rng = new java.util.Random(7);
        for (int t = 0; t < 20; t++) {
            float[] g = new float[4];
            for (int i = 0; i < g.length; i++) {
                g[i] = (float) rng.nextGaussian();
            }
            w32.setGrad(Tensor.of(g, 2, 2));
            w64.setGrad(Tensor.of(g, 2, 2).to(DType.FLOAT64));
            System.arraycopy(w32.toDoubleArray(), 0, w64.array(), 0, 4);
            float[] before = w32.toFloatArray();
            opt32.step();
            opt64.step();
            assertEquals(DType.FLOAT32, w32.dtype());
            for (int i = 0; i < 4; i++) {
                float expected = (float) w64.array()[i];
                // plain SGD computes in float, as PyTorch does: two roundings instead of one
                float step = Math.abs(before[i] - expected);
                float tol = 0f;
                if (name.startsWith("Sgd (")) {
                    tol = 2 * Math.ulp(Math.max(Math.abs(before[i]), step));
                } else if (name.startsWith("Adam") || name.startsWith("Sgd")) {
                    // float state (moments, momentum) drifts from the double state by float rounding, step after step
                    tol = 2 * Math.ulp(Math.abs(before[i])) + 1e-5f * step;
                }
                assertEquals(expected, w32.floatArray()[i], tol, name + ": step " + t + ", element " + i);
            }
        }
        assertNotEquals(0.1f, w32.floatArray()[0], 1e-3f);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("optimizers")
    void parametersWithoutGradientAreSkipped(String name, Function<List<Tensor>, Optimizer> make) {
        Tensor used = OptimTesting.param(1, 2);
        Tensor unused = OptimTesting.param(3, 4);
        Optimizer opt = make.apply(List.of(used, unused));
        used.setGrad(Tensor.of(new double[] {1, 1}));
        opt.step();
        opt.step();
        assertArrayEquals(new double[] {3, 4}, unused.toDoubleArray());
        assertNotEquals(1.0, used.array()[0]);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("optimizers")
    void eachParameterIsUpdatedAsIfItWereAlone(String name, Function<List<Tensor>, Optimizer> make) {
        // Parameters of different sizes share the optimizer's work arrays; none may leak into another.
        double[] big = {1, -2, 3, -4, 5};
        double[] small = {0.5, -0.25};
        Tensor a = OptimTesting.param(big);
        Tensor b = OptimTesting.param(small);
        Optimizer both = make.apply(List.of(a, b));
        Tensor a1 = OptimTesting.param(big);
        Tensor b1 = OptimTesting.param(small);
        Optimizer onlyA = make.apply(List.of(a1));
        Optimizer onlyB = make.apply(List.of(b1));
        for (int t = 0; t < 4; t++) {
            for (Tensor p : List.of(a, b, a1, b1)) {
                p.zeroGrad();
                p.mul(p).mul(0.5).sum().add(p.sum()).backward();
            }
            both.step();
            onlyA.step();
            onlyB.step();
        }
        assertArrayEquals(a1.toDoubleArray(), a.toDoubleArray());
        assertArrayEquals(b1.toDoubleArray(), b.toDoubleArray());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("optimizers")
    void zeroGradParametersAndLearningRate(String name, Function<List<Tensor>, Optimizer> make) {
        Tensor a = OptimTesting.param(1);
        Tensor b = OptimTesting.param(2, 3);
        Optimizer opt = make.apply(List.of(a, b));
        a.setGrad(Tensor.of(new double[] {1}));
        b.setGrad(Tensor.of(new double[] {1, 1}));
        opt.zeroGrad();
        assertNull(a.grad());
        assertNull(b.grad());
        assertEquals(List.of(a, b), opt.parameters());
        assertSame(a, opt.parameters().get(0));
        assertThrows(UnsupportedOperationException.class, () -> opt.parameters().add(a));
        opt.setLearningRate(0.0);
        assertEquals(0.0, opt.learningRate());
        assertEquals(name + ": lr must be >= 0, got -1.0",
                assertThrows(IllegalArgumentException.class, () -> opt.setLearningRate(-1)).getMessage());
        assertEquals(name + ": lr must be finite, got Infinity", assertThrows(IllegalArgumentException.class,
                () -> opt.setLearningRate(Double.POSITIVE_INFINITY)).getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("optimizers")
    void badParameterListsAreRejected(String name, Function<List<Tensor>, Optimizer> make) {
        Tensor p = OptimTesting.param(1, 2);
        assertEquals(name + ": parameter list is empty", error(() -> make.apply(List.of())));
        assertEquals(name + ": parameter 1 is the same tensor as parameter 0; pass each parameter once",
                error(() -> make.apply(List.of(p, p))));
        assertEquals(name + ": parameter 0 is not a leaf (it was produced by MulBackward); optimizers update leaves"
                + " only", error(() -> make.apply(List.of(p.mul(2.0)))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("optimizers")
    void frozenParametersAreAcceptedAndSkipped(String name, Function<List<Tensor>, Optimizer> make) {
        Tensor p = OptimTesting.param(1, 2);
        Tensor frozen = Tensor.of(new double[] {1, 2, 3});
        Optimizer opt = make.apply(List.of(p, frozen));
        p.setGrad(Tensor.of(new double[] {1, 1}));
        frozen.requiresGrad(true).setGrad(Tensor.of(new double[] {1, 1, 1}));
        frozen.requiresGrad(false);
        opt.step();
        assertArrayEquals(new double[] {1, 2, 3}, frozen.toDoubleArray(), 0, "a frozen parameter is not updated");
        assertNotEquals(1.0, p.toDoubleArray()[0], "the others are");
    }

    private static String error(Runnable r) {
        return assertThrows(IllegalArgumentException.class, r::run).getMessage();
    }

    @Test
    void badHyperparametersAreRejectedWithTheirValue() {
        List<Tensor> p = List.of(OptimTesting.param(1));
        assertEquals("Adam: lr must be > 0, got -0.1", error(() -> Adam.builder(p).lr(-0.1).build()));
        assertEquals("Adam: lr must be > 0, got 0.0", error(() -> Adam.builder(p).lr(0).build()));
        assertEquals("Adam: lr must be > 0, got NaN", error(() -> Adam.builder(p).lr(Double.NaN).build()));
        assertEquals("Adam: lr must be finite, got Infinity",
                error(() -> Adam.builder(p).lr(Double.POSITIVE_INFINITY).build()));
        assertEquals("Adam: beta1 must be in [0, 1), got 1.0", error(() -> Adam.builder(p).betas(1, 0.9).build()));
        assertEquals("Adam: beta2 must be in [0, 1), got -0.5", error(() -> Adam.builder(p).betas(0.9, -0.5).build()));
        assertEquals("Adam: eps must be >= 0, got -1.0E-8", error(() -> Adam.builder(p).eps(-1e-8).build()));
        assertEquals("Adam: weightDecay must be >= 0, got -0.01",
                error(() -> Adam.builder(p).weightDecay(-0.01).build()));
        assertEquals("AdamW: beta1 must be in [0, 1), got 1.5", error(() -> AdamW.builder(p).betas(1.5, 0.9).build()));
        assertEquals("AdamW: lr must be > 0, got -1.0", error(() -> AdamW.builder(p).lr(-1).build()));
        assertEquals("Sgd: momentum must be >= 0, got -0.5", error(() -> Sgd.builder(p).momentum(-0.5).build()));
        assertEquals("Sgd: dampening must be in [0, 1], got 2.0", error(() -> Sgd.builder(p).dampening(2).build()));
        assertEquals("Sgd: nesterov requires momentum > 0 and dampening = 0, got momentum 0.0 and dampening 0.0",
                error(() -> Sgd.builder(p).nesterov(true).build()));
        assertEquals("Sgd: nesterov requires momentum > 0 and dampening = 0, got momentum 0.9 and dampening 0.1",
                error(() -> Sgd.builder(p).nesterov(true).momentum(0.9).dampening(0.1).build()));
        assertEquals("RmsProp: alpha must be in [0, 1], got 1.1", error(() -> RmsProp.builder(p).alpha(1.1).build()));
        assertEquals("RmsProp: eps must be >= 0, got -1.0", error(() -> RmsProp.builder(p).eps(-1).build()));
        assertEquals("RmsProp: momentum must be >= 0, got -0.1",
                error(() -> RmsProp.builder(p).momentum(-0.1).build()));
        assertEquals("Adagrad: lrDecay must be >= 0, got -1.0", error(() -> Adagrad.builder(p).lrDecay(-1).build()));
        assertEquals("Adagrad: initialAccumulatorValue must be >= 0, got -0.1",
                error(() -> Adagrad.builder(p).initialAccumulatorValue(-0.1).build()));
        assertEquals("Adagrad: eps must be >= 0, got NaN", error(() -> Adagrad.builder(p).eps(Double.NaN).build()));
    }

    @Test
    void defaultsArePyTorchs() {
        List<Tensor> p = List.of(OptimTesting.param(1));
        assertEquals(Map.of("lr", 1e-3, "momentum", 0.0, "dampening", 0.0, "nesterov", 0.0, "weight_decay", 0.0),
                Sgd.builder(p).build().state().hyperparameters());
        assertEquals(Map.of("lr", 0.01, "alpha", 0.99, "eps", 1e-8, "momentum", 0.0, "centered", 0.0,
                "weight_decay", 0.0), RmsProp.builder(p).build().state().hyperparameters());
        assertEquals(Map.of("lr", 0.01, "lr_decay", 0.0, "weight_decay", 0.0, "initial_accumulator_value", 0.0,
                "eps", 1e-10), Adagrad.builder(p).build().state().hyperparameters());
        assertEquals(Map.of("lr", 1e-3, "beta1", 0.9, "beta2", 0.999, "eps", 1e-8, "weight_decay", 0.0,
                "amsgrad", 0.0), Adam.builder(p).build().state().hyperparameters());
        assertEquals(Map.of("lr", 1e-3, "beta1", 0.9, "beta2", 0.999, "eps", 1e-8, "weight_decay", 0.01,
                "amsgrad", 0.0), AdamW.builder(p).build().state().hyperparameters());
    }

    /**
     * A step writes the parameters a retained graph saved: a second backward through that graph would use the new
     * values with the old activations, so it fails (version counters), as in PyTorch.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("float32Cases")
    void aStepBetweenTwoRetainedBackwardsFailsTheSecond(String name, Function<List<Tensor>, Optimizer> make) {
        for (DType dtype : List.of(DType.FLOAT32, DType.FLOAT64)) {   // the floating types: INT64 has no gradient
            Tensor w = Tensor.of(new double[] {0.5, -1.5}).to(dtype).detach().requiresGrad(true);
            Tensor x = Tensor.of(new double[] {2, 3}).to(dtype);
            Tensor loss = w.mul(x).tanh().sum();
            loss.backward(null, true);
            make.apply(List.of(w)).step();
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> loss.backward(null, true));
            assertEquals(true, e.getMessage().contains("input 0 of MulBackward (shape [2], " + dtype
                    + ") is at version 1; expected version 0 instead"), e.getMessage());
        }
    }
}
