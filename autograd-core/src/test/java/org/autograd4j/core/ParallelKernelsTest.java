package org.autograd4j.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.autograd4j.core.backend.Parallel;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every kernel split over threads ({@link Parallel}) gives the one-thread values bit for bit, forward and backward,
 * in both dtypes, on tensors large enough to be split: elementwise passes, a bias row broadcast, column sums (bias
 * gradients), row-wise log-softmax, and gradient accumulation.
 */
class ParallelKernelsTest {
    private static final int ROWS = 128;
    /** ROWS × COLS is above {@link Parallel#MIN_ELEMENTS}, so that every kernel here splits. */
    private static final int COLS = 600;

    static Stream<Arguments> ops() {
        List<Arguments> ops = new ArrayList<>();
        ops.add(op("relu", (x, b) -> x.relu()));
        ops.add(op("sigmoid", (x, b) -> x.sigmoid()));
        ops.add(op("tanh", (x, b) -> x.tanh()));
        ops.add(op("leakyRelu", (x, b) -> x.leakyRelu(0.01)));
        ops.add(op("add, equal shapes", (x, b) -> x.add(x.mul(0.5))));
        ops.add(op("sub, equal shapes", (x, b) -> x.sub(x.relu())));
        ops.add(op("mul, equal shapes", (x, b) -> x.mul(x)));
        ops.add(op("div, equal shapes", (x, b) -> x.div(x.mul(x).add(1.0))));
        ops.add(op("add, scalar", (x, b) -> x.add(3.0)));
        ops.add(op("add, bias row", (x, b) -> x.add(b)));
        ops.add(op("mul, bias row", (x, b) -> x.mul(b)));
        ops.add(op("sum over the batch axis (a bias gradient)", (x, b) -> x.sum(0, false)));
        ops.add(op("mean over the batch axis", (x, b) -> x.mean(0, true)));
        ops.add(op("sum over rows", (x, b) -> x.sum(1, false)));
        ops.add(op("logSoftmax over rows", (x, b) -> x.logSoftmax(1)));
        ops.add(op("logSoftmax over columns", (x, b) -> x.logSoftmax(0)));
        ops.add(op("a leaf used twice (accumulation)", (x, b) -> x.relu().add(x.sigmoid())));
        return ops.stream();
    }

    private static Arguments op(String name, BiFunction<Tensor, Tensor, Tensor> f) {
        return Arguments.of(name, f);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ops")
    void float32SplitEqualsOneThread(String name, BiFunction<Tensor, Tensor, Tensor> f) {
        assertSplitEqualsOneThread(name, f, DType.FLOAT32);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ops")
    void float64SplitEqualsOneThread(String name, BiFunction<Tensor, Tensor, Tensor> f) {
        assertSplitEqualsOneThread(name, f, DType.FLOAT64);
    }

    private static void assertSplitEqualsOneThread(String name, BiFunction<Tensor, Tensor, Tensor> f, DType dtype) {
        assertTrue(Parallel.worthSplitting((long) ROWS * COLS), "the tensors must be large enough to split");
        int before = Parallel.threads();
        try {
            Parallel.setThreads(1);
            List<double[]> one = run(f, dtype);
            Parallel.setThreads(2);
            List<double[]> two = run(f, dtype);
            String[] what = {"value", "gradient of x", "gradient of the bias row"};
            for (int i = 0; i < one.size(); i++) {
                assertArrayEquals(bits(one.get(i)), bits(two.get(i)), name + " " + dtype + ": " + what[i]);
            }
        } finally {
            Parallel.setThreads(before);
        }
    }

    /** The output, and the gradients of x and of the bias row for a random upstream gradient; backward twice. */
    private static List<double[]> run(BiFunction<Tensor, Tensor, Tensor> f, DType dtype) {
        Random rnd = new Random(14);
        Tensor x = Tensor.randn(rnd, ROWS, COLS).to(dtype).requiresGrad(true);
        Tensor b = Tensor.randn(rnd, COLS).to(dtype).requiresGrad(true);
        Tensor y = f.apply(x, b);
        Tensor g = Tensor.randn(rnd, y.shape()).to(dtype);
        y.backward(g, true);
        y.backward(g);
        List<double[]> out = new ArrayList<>();
        out.add(y.toDoubleArray());
        out.add(x.grad().toDoubleArray());
        if (b.grad() != null) {
            out.add(b.grad().toDoubleArray());
        }
        return out;
    }

    private static long[] bits(double[] v) {
        long[] b = new long[v.length];
        for (int i = 0; i < v.length; i++) {
            b[i] = Double.doubleToRawLongBits(v[i]);
        }
        return b;
    }
}
