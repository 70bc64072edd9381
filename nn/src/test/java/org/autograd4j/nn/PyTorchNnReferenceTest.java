package org.autograd4j.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Stream;
import org.autograd4j.core.Autograd;
import org.autograd4j.core.DType;
import org.autograd4j.core.Tensor;
import org.autograd4j.nn.optim.Adagrad;
import org.autograd4j.nn.optim.Adam;
import org.autograd4j.nn.optim.AdamW;
import org.autograd4j.nn.optim.CosineAnnealingLr;
import org.autograd4j.nn.optim.CosineAnnealingWarmRestarts;
import org.autograd4j.nn.optim.ExponentialLr;
import org.autograd4j.nn.optim.LambdaLr;
import org.autograd4j.nn.optim.LinearLr;
import org.autograd4j.nn.optim.MultiStepLr;
import org.autograd4j.nn.optim.OneCycleLr;
import org.autograd4j.nn.optim.Optimizer;
import org.autograd4j.nn.optim.ParamGroup;
import org.autograd4j.nn.optim.ReduceLrOnPlateau;
import org.autograd4j.nn.optim.RmsProp;
import org.autograd4j.nn.optim.SequentialLr;
import org.autograd4j.nn.optim.Sgd;
import org.autograd4j.nn.optim.StepLr;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * nn against numbers PyTorch computed in float64 ({@code pytorch-nn-reference.txt}, written by
 * {@code src/test/python/make_pytorch_reference.py}): every loss's value and gradient, ten steps of every optimizer
 * configuration from the same start with the same gradients (and of AdamW over two parameter groups), twelve epochs of
 * every learning-rate schedule over two parameter groups, the normalisation layers' outputs, gradients and
 * running statistics over a few training passes and one evaluation pass, and Embedding's output and weight gradient
 * with a padding index.
 */
class PyTorchNnReferenceTest {
    private static final double RTOL = 1e-12;
    private static final double ATOL = 1e-14;

    /** One block of the file: its kind (loss, optim, sched), name and keyed lines (repeated keys in order). */
    record Block(String kind, String name, Map<String, List<String>> lines) {
        String one(String key) {
            List<String> all = lines.get(key);
            assertNotNull(all, name + ": no '" + key + "' line");
            return all.get(0);
        }

        List<String> all(String key) {
            return lines.getOrDefault(key, List.of());
        }

        @Override
        public String toString() {
            return kind + " " + name;
        }
    }

    static Stream<Block> losses() throws IOException {
        return read().stream().filter(b -> b.kind.equals("loss"));
    }

    static Stream<Block> optimizers() throws IOException {
        return read().stream().filter(b -> b.kind.equals("optim"));
    }

    static Stream<Block> optimizerGroups() throws IOException {
        return read().stream().filter(b -> b.kind.equals("optgroups"));
    }

    static Stream<Block> schedules() throws IOException {
        return read().stream().filter(b -> b.kind.equals("sched"));
    }

    static Stream<Block> layers() throws IOException {
        return read().stream().filter(b -> b.kind.equals("layer"));
    }

    @Test
    void everyCaseOfTheFileHasItsJavaCounterpart() throws IOException {
        List<Block> all = read();
        assertTrue(all.size() >= 29, "blocks read: " + all.size());
        for (Block b : all) {
            switch (b.kind) {
                case "loss" -> assertNotNull(loss(b.name, b), b.name);
                case "optim" -> assertNotNull(optimizer(b.name, List.of(Tensor.zeros(1).requiresGrad(true))), b.name);
                case "layer" -> assertNotNull(layer(b.name), b.name);
                case "optgroups" -> assertEquals("adamw_two_groups", b.name);
                case "embedding" -> assertEquals("padded", b.name);
                default -> assertNotNull(schedule(b.name), b.name);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("losses")
    void lossValueAndGradientArePyTorchs(Block b) {
        Tensor pred = tensor(b.one("pred")).requiresGrad(true);
        Tensor target = tensor(b.one("target"));
        // an int64 target in PyTorch is an INT64 tensor here: the Tensor overloads decide by dtype, as F.cross_entropy
        Tensor value = loss(b.name, b).apply(pred, b.all("targetdtype").isEmpty() ? target : target.to(DType.INT64));
        assertClose(new double[] {Double.parseDouble(b.one("value"))}, new double[] {value.item()}, b + ": value");
        Tensor grad = Autograd.grad(value, List.of(pred), false).get(0);
        assertClose(numbers(b.one("grad")), grad.toDoubleArray(), b + ": gradient");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("optimizers")
    void optimizerTrajectoryIsPyTorchs(Block b) {
        Tensor p = Tensor.of(numbers(b.one("start"))).requiresGrad(true);
        Optimizer opt = optimizer(b.name, List.of(p));
        List<String> steps = b.all("step");
        List<String> params = b.all("param");
        assertEquals(10, steps.size(), b + ": steps");
        for (int t = 0; t < steps.size(); t++) {
            p.setGrad(Tensor.of(numbers(steps.get(t))));
            opt.step();
            assertClose(numbers(params.get(t)), p.toDoubleArray(), b + ": parameter after step " + (t + 1));
        }
    }

    /** AdamW over two groups: decay 0.1 on the weights; none on the bias, with its own lr and betas. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("optimizerGroups")
    void optimizerGroupsTrajectoryIsPyTorchs(Block b) {
        Tensor w = Tensor.of(numbers(b.one("start0"))).requiresGrad(true);
        Tensor bias = Tensor.of(numbers(b.one("start1"))).requiresGrad(true);
        Optimizer opt = AdamW.builder(ParamGroup.of(List.of(w)).weightDecay(0.1),
                ParamGroup.of(List.of(bias)).weightDecay(0).lr(0.02).betas(0.8, 0.99)).lr(0.01).build();
        assertEquals(10, b.all("grad0").size(), b + ": steps");
        for (int t = 0; t < 10; t++) {
            w.setGrad(Tensor.of(numbers(b.all("grad0").get(t))));
            bias.setGrad(Tensor.of(numbers(b.all("grad1").get(t))));
            opt.step();
            assertClose(numbers(b.all("param0").get(t)), w.toDoubleArray(), b + ": weights after step " + (t + 1));
            assertClose(numbers(b.all("param1").get(t)), bias.toDoubleArray(), b + ": bias after step " + (t + 1));
        }
    }

    /** Every schedule over two groups (base rates 0.1 and 0.02): each group's rate follows PyTorch's. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("schedules")
    void learningRateScheduleIsPyTorchs(Block b) {
        Optimizer opt = Sgd.builder(ParamGroup.of(List.of(Tensor.zeros(1).requiresGrad(true))),
                ParamGroup.of(List.of(Tensor.zeros(1).requiresGrad(true))).lr(0.02)).lr(0.1).build();
        Function<Optimizer, Object> make = schedule(b.name);
        Object scheduler = make.apply(opt);
        double[] metrics = b.lines.containsKey("metrics") ? numbers(b.one("metrics")) : null;
        double[] expected = numbers(b.one("lr"));
        double[] expected1 = numbers(b.one("lr1"));
        double[] actual = new double[expected.length];
        double[] actual1 = new double[expected.length];
        double[] momentum = new double[expected.length];
        for (int epoch = 0; epoch < expected.length; epoch++) {
            opt.step();
            if (scheduler instanceof ReduceLrOnPlateau plateau) {
                plateau.step(metrics[epoch]);
            } else {
                ((org.autograd4j.nn.optim.LrScheduler) scheduler).step();
            }
            actual[epoch] = opt.learningRate(0);
            actual1[epoch] = opt.learningRate(1);
            momentum[epoch] = opt.momentum(0).orElseThrow();
        }
        if (b.lines.containsKey("mom")) {
            double[] expectedMomentum = numbers(b.one("mom"));
            assertEquals(b.one("mom"), b.one("mom1"), b + ": PyTorch cycles both groups alike");
            assertClose(Arrays.copyOf(expectedMomentum, 11), Arrays.copyOf(momentum, 11), b + ": momentum per step");
        }
        if (b.name.startsWith("one_cycle")) {
            // the rate after the last step (no batch uses it) holds the final rate; see OneCycleLr's note
            int last = expected.length - 1;
            assertEquals(actual[last - 1], actual[last], b + ": the rate after the last step");
            assertEquals(actual1[last - 1], actual1[last], b + ": group 1's rate after the last step");
            expected = Arrays.copyOf(expected, last);
            expected1 = Arrays.copyOf(expected1, last);
            actual = Arrays.copyOf(actual, last);
            actual1 = Arrays.copyOf(actual1, last);
        }
        assertClose(expected, actual, b + ": learning rate per epoch");
        assertClose(expected1, actual1, b + ": group 1's learning rate per epoch");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("layers")
    void layerOutputsGradientsAndRunningStatisticsArePyTorchs(Block b) {
        Module m = layer(b.name);
        Map<String, Tensor> state = m.stateDict();
        long[] wShape = state.get("weight").shape();
        state.put("weight", Tensor.of(numbers(b.one("weight")), wShape));
        state.put("bias", Tensor.of(numbers(b.one("bias")), wShape));
        m.loadStateDict(state);
        Tensor x = tensor(b.one("x"));
        Tensor gradOut = tensor(b.one("gradout"));
        List<String> ys = b.all("y");
        assertTrue(ys.size() >= 1, b + ": passes");
        m.train();
        for (int k = 0; k < ys.size(); k++) {
            String pass = b + ": training pass " + (k + 1) + ": ";
            Tensor xi = x.mul(1 + k).detach().requiresGrad(true);
            m.zeroGrad();
            Tensor y = m.forward(xi);
            y.backward(gradOut);
            assertClose(numbers(ys.get(k)), y.toDoubleArray(), pass + "output");
            assertClose(numbers(b.all("gradx").get(k)), xi.grad().toDoubleArray(), pass + "input gradient");
            Map<String, Tensor> p = m.namedParameters();
            assertClose(numbers(b.all("gradweight").get(k)), p.get("weight").grad().toDoubleArray(),
                    pass + "weight gradient");
            assertClose(numbers(b.all("gradbias").get(k)), p.get("bias").grad().toDoubleArray(),
                    pass + "bias gradient");
            if (b.lines.containsKey("runmean")) {
                Map<String, Tensor> buffers = m.namedBuffers();
                assertClose(numbers(b.all("runmean").get(k)), buffers.get("running_mean").toDoubleArray(),
                        pass + "running mean");
                assertClose(numbers(b.all("runvar").get(k)), buffers.get("running_var").toDoubleArray(),
                        pass + "running variance");
            }
        }
        m.eval();
        assertClose(numbers(b.one("evaly")), m.forward(x).toDoubleArray(), b + ": output in evaluation mode");
    }

    @Test
    void embeddingOutputAndWeightGradientWithAPaddingIndexArePyTorchs() throws IOException {
        Block b = read().stream().filter(k -> k.kind.equals("embedding")).findFirst().orElseThrow();
        Embedding e = new Embedding(6, 3, java.util.OptionalInt.of(2), new java.util.Random(0));
        e.loadStateDict(Map.of("weight", tensor(b.one("weight"))));
        Tensor x = tensor(b.one("x"));
        assertEquals("int64", b.one("xdtype"), b + ": PyTorch's indices");
        Tensor y = e.forward(x.to(DType.INT64));
        assertClose(numbers(b.one("y")), e.forward(x).toDoubleArray(), b + ": output from float-valued indices");
        y.backward(tensor(b.one("gradout")));
        assertEquals(List.of(2L, 3L, 3L), Arrays.stream(y.shape()).boxed().toList(), b + ": output shape");
        assertClose(numbers(b.one("y")), y.toDoubleArray(), b + ": output");
        assertClose(numbers(b.one("gradweight")), e.weight().grad().toDoubleArray(), b + ": weight gradient");
    }

    private static Module layer(String name) {
        return switch (name) {
            case "batchnorm1d" -> new BatchNorm1d(4);
            case "batchnorm1d_cumulative" -> new BatchNorm1d(4, 1e-3, OptionalDouble.empty(), true, true);
            case "batchnorm1d_3d" -> new BatchNorm1d(3, 1e-5, OptionalDouble.of(0.3), true, true);
            case "batchnorm1d_untracked" -> new BatchNorm1d(4, 1e-5, OptionalDouble.of(0.1), true, false);
            case "layernorm" -> new LayerNorm(4);
            case "layernorm_2d" -> new LayerNorm(new long[] {3, 5}, 1e-3, true);
            default -> throw new IllegalArgumentException("no layer for case " + name);
        };
    }

    private static BiFunction<Tensor, Tensor, Tensor> loss(String name, Block b) {
        return switch (name) {
            case "mse" -> Losses::mse;
            case "mse_sum" -> (p, t) -> Losses.mse(p, t, Reduction.SUM);
            case "l1" -> Losses::l1;
            case "huber" -> (p, t) -> Losses.huber(p, t, 1.0);
            case "huber_delta" -> (p, t) -> Losses.huber(p, t, 0.5);
            case "bce", "bce_edges" -> Losses::binaryCrossEntropy;
            case "bce_edges_sum" -> (p, t) -> Losses.binaryCrossEntropy(p, t, Reduction.SUM);
            case "bce_logits" -> Losses::binaryCrossEntropyWithLogits;
            case "bce_logits_pos_weight" -> (p, t) -> Losses.binaryCrossEntropyWithLogits(p, t,
                    Tensor.of(numbers(b.one("extra"))), Reduction.MEAN);
            case "cross_entropy" -> (p, t) -> Losses.crossEntropy(p, labels(t));
            case "cross_entropy_sum" -> (p, t) -> Losses.crossEntropy(p, labels(t), Reduction.SUM);
            case "cross_entropy_weighted_smoothed" -> (p, t) -> Losses.crossEntropy(p, labels(t),
                    Tensor.of(numbers(b.one("extra"))), 0.1, Reduction.MEAN);
            case "cross_entropy_probabilities" -> Losses::crossEntropy;
            case "nll" -> (p, t) -> Losses.nll(p, labels(t));
            case "cross_entropy_int64" -> Losses::crossEntropy;
            case "cross_entropy_int64_weighted_smoothed_sum" -> (p, t) -> Losses.crossEntropy(p, t,
                    Tensor.of(numbers(b.one("extra"))), 0.1, Reduction.SUM);
            case "nll_int64_weighted" -> (p, t) -> Losses.nll(p, t, Tensor.of(numbers(b.one("extra"))), Reduction.MEAN);
            default -> throw new IllegalArgumentException("no loss for case " + name);
        };
    }

    private static Optimizer optimizer(String name, List<Tensor> p) {
        return switch (name) {
            case "sgd" -> Sgd.builder(p).lr(0.1).build();
            case "sgd_momentum" -> Sgd.builder(p).lr(0.1).momentum(0.9).build();
            case "sgd_dampening" -> Sgd.builder(p).lr(0.1).momentum(0.9).dampening(0.1).build();
            case "sgd_nesterov_decay" -> Sgd.builder(p).lr(0.1).momentum(0.9).nesterov(true).weightDecay(0.01).build();
            case "rmsprop" -> RmsProp.builder(p).lr(0.01).build();
            case "rmsprop_centered_momentum_decay" -> RmsProp.builder(p).lr(0.01).alpha(0.9).momentum(0.5)
                    .centered(true).weightDecay(0.1).build();
            case "adagrad" -> Adagrad.builder(p).lr(0.1).build();
            case "adagrad_decay" -> Adagrad.builder(p).lr(0.1).lrDecay(0.01).weightDecay(0.1)
                    .initialAccumulatorValue(0.1).build();
            case "adam" -> Adam.builder(p).lr(0.01).build();
            case "adam_amsgrad_decay" -> Adam.builder(p).lr(0.01).betas(0.8, 0.99).amsgrad(true).weightDecay(0.1)
                    .build();
            case "adamw" -> AdamW.builder(p).lr(0.01).weightDecay(0.1).build();
            case "adamw_amsgrad" -> AdamW.builder(p).lr(0.01).amsgrad(true).build();
            default -> throw new IllegalArgumentException("no optimizer for case " + name);
        };
    }

    private static Function<Optimizer, Object> schedule(String name) {
        return switch (name) {
            case "step" -> o -> new StepLr(o, 3, 0.5);
            case "exponential" -> o -> new ExponentialLr(o, 0.9);
            case "cosine" -> o -> new CosineAnnealingLr(o, 5, 0.01);
            case "plateau" -> o -> new ReduceLrOnPlateau(o, ReduceLrOnPlateau.Mode.MIN, 0.5, 1, 1e-4, 1, 0.02);
            case "multistep" -> o -> new MultiStepLr(o, List.of(2, 5, 5, 9), 0.5);
            case "lambda" -> o -> new LambdaLr(o, e -> 1 / (1 + 0.5 * e));
            case "linear_warmup" -> o -> new LinearLr(o, 0.25, 1.0, 4);
            case "linear_decay" -> o -> new LinearLr(o, 1.0, 0.1, 6);
            case "warmup_cosine" -> o -> new SequentialLr(o, List.of(new LinearLr(o, 0.1, 1.0, 3),
                    new CosineAnnealingLr(o, 9, 0.001)), List.of(3));
            case "one_cycle" -> o -> OneCycleLr.builder(o, 1.0, 12).maxLrPerGroup(1.0, 0.2).build();
            case "one_cycle_linear_three_phase" -> o -> OneCycleLr.builder(o, 0.5, 12).pctStart(0.25)
                    .anneal(OneCycleLr.Anneal.LINEAR).threePhase(true).divFactor(10).finalDivFactor(100).build();
            case "one_cycle_momentum" -> o -> OneCycleLr.builder(o, 0.5, 12).momentumRange(0.8, 0.9).build();
            case "warm_restarts" -> o -> new CosineAnnealingWarmRestarts(o, 3, 2, 0.001);
            case "warm_restarts_constant" -> o -> new CosineAnnealingWarmRestarts(o, 4);
            default -> throw new IllegalArgumentException("no schedule for case " + name);
        };
    }

    private static int[] labels(Tensor t) {
        return Arrays.stream(t.toDoubleArray()).mapToInt(v -> (int) v).toArray();
    }

    private static void assertClose(double[] expected, double[] actual, String what) {
        assertEquals(expected.length, actual.length, what + ": size");
        for (int i = 0; i < expected.length; i++) {
            double tol = ATOL + RTOL * Math.abs(expected[i]);
            if (!(Math.abs(actual[i] - expected[i]) <= tol)) {
                throw new AssertionError(what + " at " + i + ": expected " + expected[i] + " (PyTorch), got "
                        + actual[i] + ", difference " + (actual[i] - expected[i]));
            }
        }
    }

    // ---------------------------------------------------------------- the file

    private static List<Block> read() throws IOException {
        List<Block> blocks = new ArrayList<>();
        try (InputStream in = PyTorchNnReferenceTest.class.getResourceAsStream("pytorch-nn-reference.txt")) {
            assertNotNull(in, "pytorch-nn-reference.txt is missing from the test resources");
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            String kind = null;
            String name = null;
            Map<String, List<String>> lines = null;
            while ((line = r.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                int space = line.indexOf(' ');
                String key = space < 0 ? line : line.substring(0, space);
                String rest = space < 0 ? "" : line.substring(space + 1).trim();
                switch (key) {
                    case "loss", "optim", "optgroups", "sched", "layer", "embedding" -> {
                        kind = key;
                        name = rest;
                        lines = new LinkedHashMap<>();
                    }
                    case "end" -> blocks.add(new Block(kind, name, lines));
                    default -> lines.computeIfAbsent(key, k -> new ArrayList<>()).add(rest);
                }
            }
        }
        return blocks;
    }

    /** "[d0 d1 ...] v0 v1 ..." as a FLOAT64 tensor. */
    private static Tensor tensor(String text) {
        int close = text.indexOf(']');
        long[] shape = Arrays.stream(numbers(text.substring(1, close))).mapToLong(v -> (long) v).toArray();
        return Tensor.of(numbers(text.substring(close + 1)), shape);
    }

    private static double[] numbers(String text) {
        String t = text.trim();
        return t.isEmpty() ? new double[0] : Arrays.stream(t.split("\\s+")).mapToDouble(Double::parseDouble).toArray();
    }
}
