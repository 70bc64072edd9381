package org.autograd4j.nn.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Stream;
import org.autograd4j.core.DType;
import org.autograd4j.core.Tensor;
import org.autograd4j.core.backend.Parallel;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * An update split over two threads ({@link Parallel}) gives the one-thread parameters and state bit for bit, for every
 * rule and both dtypes: the parameter is large enough to be split, and a small one beside it is not.
 */
class ParallelUpdateTest {
    /** Above {@link Parallel#MIN_ELEMENTS}, so that every rule splits it. */
    private static final int LARGE = Parallel.MIN_ELEMENTS + 7_001;

    static Stream<Arguments> rules() {
        return Stream.of(
                Arguments.of("Sgd", (Function<List<Tensor>, Optimizer>) p -> Sgd.builder(p).lr(0.1).build()),
                Arguments.of("Sgd weight decay", (Function<List<Tensor>, Optimizer>) p -> Sgd.builder(p).lr(0.1)
                        .weightDecay(0.01).build()),
                Arguments.of("Sgd momentum", (Function<List<Tensor>, Optimizer>) p -> Sgd.builder(p).lr(0.1)
                        .momentum(0.9).dampening(0.1).weightDecay(0.01).build()),
                Arguments.of("Sgd nesterov", (Function<List<Tensor>, Optimizer>) p -> Sgd.builder(p).lr(0.1)
                        .momentum(0.9).nesterov(true).build()),
                Arguments.of("Adam", (Function<List<Tensor>, Optimizer>) p -> Adam.builder(p).lr(1e-2)
                        .weightDecay(0.01).build()),
                Arguments.of("AdamW amsgrad", (Function<List<Tensor>, Optimizer>) p -> AdamW.builder(p).lr(1e-2)
                        .amsgrad(true).build()),
                Arguments.of("RmsProp centered, momentum", (Function<List<Tensor>, Optimizer>) p -> RmsProp.builder(p)
                        .lr(1e-2).centered(true).momentum(0.9).build()),
                Arguments.of("RmsProp", (Function<List<Tensor>, Optimizer>) p -> RmsProp.builder(p).lr(1e-2).build()),
                Arguments.of("Adagrad", (Function<List<Tensor>, Optimizer>) p -> Adagrad.builder(p).lr(1e-2)
                        .lrDecay(0.01).weightDecay(0.01).build()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void float32SplitEqualsOneThread(String name, Function<List<Tensor>, Optimizer> make) {
        assertSplitEqualsOneThread(name, make, DType.FLOAT32);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void float64SplitEqualsOneThread(String name, Function<List<Tensor>, Optimizer> make) {
        assertSplitEqualsOneThread(name, make, DType.FLOAT64);
    }

    private static void assertSplitEqualsOneThread(String name, Function<List<Tensor>, Optimizer> make, DType dtype) {
        int before = Parallel.threads();
        try {
            Parallel.setThreads(1);
            Result one = train(make, dtype);
            Parallel.setThreads(2);
            Result two = train(make, dtype);
            for (int i = 0; i < one.params.length; i++) {
                assertArrayEquals(bits(one.params[i]), bits(two.params[i]), name + " " + dtype + ": parameter " + i);
            }
            assertEquals(one.state.keySet(), two.state.keySet(), name);
            for (Map.Entry<String, double[]> e : one.state.entrySet()) {
                assertArrayEquals(bits(e.getValue()), bits(two.state.get(e.getKey())), name + " " + dtype + ": "
                        + e.getKey());
            }
        } finally {
            Parallel.setThreads(before);
        }
    }

    private record Result(double[][] params, Map<String, double[]> state) {
    }

    /** Three steps over a large and a small parameter, gradients from a fixed seed. */
    private static Result train(Function<List<Tensor>, Optimizer> make, DType dtype) {
        Random rnd = new Random(14);
        List<Tensor> params = List.of(random(rnd, LARGE, dtype).requiresGrad(true),
                random(rnd, 300, dtype).requiresGrad(true));
        Optimizer opt = make.apply(params);
        for (int t = 0; t < 3; t++) {
            for (Tensor p : params) {
                p.setGrad(random(rnd, (int) p.size(), dtype));
            }
            opt.step();
        }
        return new Result(new double[][] {params.get(0).toDoubleArray(), params.get(1).toDoubleArray()},
                opt.state().buffers());
    }

    private static Tensor random(Random rnd, int n, DType dtype) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = rnd.nextGaussian();
        }
        return Tensor.of(v, n).to(dtype).detach();
    }

    private static long[] bits(double[] v) {
        long[] b = new long[v.length];
        for (int i = 0; i < v.length; i++) {
            b[i] = Double.doubleToRawLongBits(v[i]);
        }
        return b;
    }
}
