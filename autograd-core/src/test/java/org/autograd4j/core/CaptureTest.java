package org.autograd4j.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.UnaryOperator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * Capture and replay: a replayed step computes bit for bit what eager execution computes (losses, gradients, and the
 * parameters after updates in between), and every way a step could escape the recorded program is refused.
 */
class CaptureTest {
    /** Two layers and a loss, over parameters made from a seed, so that two copies start identical. */
    private static final class Net {
        final List<Tensor> params = new ArrayList<>();
        final String activation;
        final boolean mse;

        Net(int[] sizes, DType dtype, String activation, boolean mse, long seed) {
            Random r = new Random(seed);
            for (int i = 0; i + 1 < sizes.length; i++) {
                params.add(randn(r, dtype, 0.5, sizes[i], sizes[i + 1]).requiresGrad(true));
                params.add(randn(r, dtype, 0.1, sizes[i + 1]).requiresGrad(true));
            }
            this.activation = activation;
            this.mse = mse;
        }

        Tensor loss(Tensor x, Tensor target) {
            Tensor h = x;
            for (int i = 0; i < params.size(); i += 2) {
                Tensor w = params.get(i);
                Tensor b = params.get(i + 1);
                // the first layer fused, the others as a product and a broadcast add
                h = i == 0 ? Tensor.addmm(b, h, w) : h.matmul(w).add(b);
                if (i + 2 < params.size()) {
                    h = switch (activation) {
                        case "relu" -> h.relu();
                        case "sigmoid" -> h.sigmoid();
                        case "tanh" -> h.tanh();
                        default -> h.leakyRelu(0.1);
                    };
                }
            }
            if (mse) {
                Tensor d = h.sub(target);
                return d.mul(d).mean();
            }
            long batch = h.size(0);
            return h.logSoftmax(1).gather(1, target.reshape(batch, 1)).neg().mean();
        }

        /** Plain SGD through array(), outside the step, as an optimizer writes. */
        void sgd(double lr) {
            for (Tensor p : params) {
                if (p.dtype() == DType.FLOAT32) {
                    float[] v = p.floatArray();
                    float[] g = p.grad().readFloatArray();
                    for (int i = 0; i < v.length; i++) {
                        v[i] -= (float) lr * g[i];
                    }
                } else {
                    double[] v = p.array();
                    double[] g = p.grad().readArray();
                    for (int i = 0; i < v.length; i++) {
                        v[i] -= lr * g[i];
                    }
                }
            }
        }

        void zeroGrad() {
            for (Tensor p : params) {
                p.zeroGrad();
            }
        }
    }

    private static Tensor randn(Random r, DType dtype, double scale, long... shape) {
        int n = 1;
        for (long d : shape) {
            n *= (int) d;
        }
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = r.nextGaussian() * scale;
        }
        return Tensor.of(v, shape).to(dtype);
    }

    private static Tensor labels(Random r, int batch, int classes) {
        double[] y = new double[batch];
        for (int i = 0; i < batch; i++) {
            y[i] = r.nextInt(classes);
        }
        return Tensor.of(y, batch);
    }

    private static void assertBits(Tensor expected, Tensor actual, String what) {
        assertArrayEquals(expected.toDoubleArray(), actual.toDoubleArray(), 0.0, what);
        assertEquals(expected.dtype(), actual.dtype(), what);
    }

    @ParameterizedTest(name = "{0} {1} {2} mse={3}")
    @CsvSource({
        "FLOAT32, relu, 4:8:3, false", "FLOAT64, relu, 4:8:3, false", "FLOAT32, sigmoid, 2:8:2, false",
        "FLOAT64, tanh, 3:5:2, false", "FLOAT32, leaky, 3:6:2, true", "FLOAT64, sigmoid, 3:4:1, true",
        "FLOAT32, relu, 30:64:32:2, false", "FLOAT64, relu, 20:40:3, false"})
    void replayEqualsEagerBitForBit(DType dtype, String activation, String sizes, boolean mse) {
        int[] widths = java.util.Arrays.stream(sizes.split(":")).mapToInt(Integer::parseInt).toArray();
        Net eager = new Net(widths, dtype, activation, mse, 7);
        Net captured = new Net(widths, dtype, activation, mse, 7);
        CapturedStep step = Autograd.capture(in -> {
            Tensor loss = captured.loss(in[0], in[1]);
            loss.backward();
            return loss;
        });
        Random data = new Random(3);
        int out = widths[widths.length - 1];
        for (int s = 0; s < 6; s++) {
            Tensor x = randn(data, dtype, 1.0, 16, widths[0]);
            Tensor y = mse ? randn(data, dtype, 1.0, 16, out) : labels(data, 16, out);
            eager.zeroGrad();
            Tensor expected = eager.loss(x, y);
            expected.backward();
            captured.zeroGrad();
            Tensor actual = step.run(x, y);
            assertBits(expected, actual, "loss at step " + s);
            for (int i = 0; i < eager.params.size(); i++) {
                assertBits(eager.params.get(i).grad(), captured.params.get(i).grad(), "grad " + i + " step " + s);
            }
            eager.sgd(0.1);
            captured.sgd(0.1);
        }
        assertEquals(1, step.captures());
        assertTrue(step.instructions().contains("addmm") || step.instructions().contains("matmul"),
                step.instructions().toString());
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
        "exp, FLOAT32", "exp, FLOAT64", "log, FLOAT32", "log, FLOAT64", "softplus, FLOAT32", "sqrt, FLOAT64",
        "abs, FLOAT32", "clamp, FLOAT64", "sin, FLOAT32", "cos, FLOAT64", "erf, FLOAT32", "expm1, FLOAT64",
        "log1p, FLOAT32", "sign, FLOAT64", "square, FLOAT32", "pow, FLOAT64", "div, FLOAT32", "to, FLOAT32",
        "to, FLOAT64", "broadcast, FLOAT32", "where, FLOAT32", "where, FLOAT64"})
    void eachRecordedOpReplaysAsEagerly(String op, DType dtype) {
        UnaryOperator<Tensor> f = switch (op) {
            case "exp" -> Tensor::exp;
            case "log" -> Tensor::log;
            case "softplus" -> Tensor::softplus;
            case "sqrt" -> Tensor::sqrt;
            case "abs" -> Tensor::abs;
            case "clamp" -> t -> t.clamp(1.0, 2.5);
            case "sin" -> Tensor::sin;
            case "cos" -> Tensor::cos;
            case "erf" -> Tensor::erf;
            case "expm1" -> Tensor::expm1;
            case "log1p" -> Tensor::log1p;
            case "sign" -> t -> t.sign().add(t);
            case "square" -> Tensor::square;
            case "pow" -> t -> t.pow(1.7);
            case "div" -> t -> t.div(t.add(2.0));
            case "to" -> t -> t.to(dtype == DType.FLOAT32 ? DType.FLOAT64 : DType.FLOAT32).mul(3.0);
            case "where" -> t -> Tensor.where(t.gt(2.0), t.exp(), t.mul(0.5));
            default -> t -> t.sum(0, true).broadcastTo(t.shape()).mul(t);
        };
        Tensor we = Tensor.of(new double[] {0.3, 0.7, 1.1}, 3).to(dtype).requiresGrad(true);
        Tensor wc = Tensor.of(new double[] {0.3, 0.7, 1.1}, 3).to(dtype).requiresGrad(true);
        CapturedStep step = Autograd.capture(in -> {
            Tensor loss = f.apply(in[0].mul(wc).add(1.5)).sum();
            loss.backward();
            return loss;
        });
        Random r = new Random(4);
        for (int s = 0; s < 3; s++) {
            Tensor x = randn(r, dtype, 1.0, 4, 3);
            we.zeroGrad();
            Tensor expected = f.apply(x.mul(we).add(1.5)).sum();
            expected.backward();
            wc.zeroGrad();
            assertBits(expected, step.run(x), op + " value at run " + s);
            assertBits(we.grad(), wc.grad(), op + " gradient at run " + s);
        }
        assertEquals(1, step.captures());
    }

    @Test
    void aNewBatchSizeIsCapturedAgainAndBothReplay() {
        Net eager = new Net(new int[] {3, 4, 2}, DType.FLOAT64, "relu", false, 1);
        Net captured = new Net(new int[] {3, 4, 2}, DType.FLOAT64, "relu", false, 1);
        CapturedStep step = Autograd.capture(in -> {
            Tensor loss = captured.loss(in[0], in[1]);
            loss.backward();
            return loss;
        });
        Random data = new Random(5);
        for (int s = 0; s < 6; s++) {
            int batch = s % 2 == 0 ? 8 : 3;
            Tensor x = randn(data, DType.FLOAT64, 1.0, batch, 3);
            Tensor y = labels(data, batch, 2);
            eager.zeroGrad();
            Tensor expected = eager.loss(x, y);
            expected.backward();
            captured.zeroGrad();
            assertBits(expected, step.run(x, y), "loss at step " + s);
            eager.sgd(0.05);
            captured.sgd(0.05);
        }
        assertEquals(2, step.captures());
    }

    @Test
    void gradientsAccumulateAcrossRunsAsEagerly() {
        Net eager = new Net(new int[] {3, 4, 2}, DType.FLOAT32, "tanh", false, 2);
        Net captured = new Net(new int[] {3, 4, 2}, DType.FLOAT32, "tanh", false, 2);
        CapturedStep step = Autograd.capture(in -> {
            Tensor loss = captured.loss(in[0], in[1]);
            loss.backward();
            return loss;
        });
        Random data = new Random(9);
        for (int s = 0; s < 4; s++) {
            Tensor x = randn(data, DType.FLOAT32, 1.0, 5, 3);
            Tensor y = labels(data, 5, 2);
            eager.loss(x, y).backward();   // never cleared: the gradients add up
            step.run(x, y);
        }
        for (int i = 0; i < eager.params.size(); i++) {
            assertBits(eager.params.get(i).grad(), captured.params.get(i).grad(), "grad " + i);
        }
    }

    @Test
    void aReplayedLabelOutOfRangeFailsAsEagerly() {
        Net net = new Net(new int[] {3, 4, 2}, DType.FLOAT64, "relu", false, 1);
        CapturedStep step = Autograd.capture(in -> {
            Tensor loss = net.loss(in[0], in[1]);
            loss.backward();
            return loss;
        });
        Tensor x = Tensor.zeros(2, 3);
        step.run(x, Tensor.of(new double[] {0, 1}, 2));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> step.run(x, Tensor.of(new double[] {0, 2}, 2)));
        assertTrue(e.getMessage().contains("gather: index 2.0 at position 1"), e.getMessage());
    }

    private static CaptureException refused(UnaryOperator<Tensor> body) {
        Tensor w = Tensor.of(new double[] {1, 2, 3, 4}, 2, 2).requiresGrad(true);
        CapturedStep step = Autograd.capture(in -> {
            Tensor loss = body.apply(in[0].matmul(w)).sum();
            loss.backward();
            return loss;
        });
        CaptureException e = assertThrows(CaptureException.class, () -> step.run(Tensor.ones(3, 2)));
        assertNull(w.grad(), "a refused capture leaves the gradients as they were");
        return e;
    }

    @Test
    void refusesAnOpWithoutAKernelNamingIt() {
        CaptureException e = refused(h -> h.cumsum(1).add(1.0));
        assertTrue(e.getMessage().startsWith("capture: add reads a tensor of shape [3, 2]"), e.getMessage());
        assertTrue(e.getMessage().contains("Cumsum.apply"), e.getMessage());
    }

    @Test
    void refusesReadingValuesInsideTheStep() {
        CaptureException e = refused(h -> h.item() > 0 ? h : h.neg());
        assertTrue(e.getMessage().contains("with item() while being captured"), e.getMessage());
        assertTrue(refused(h -> {
            h.readArray();
            return h;
        }).getMessage().contains("readArray()"));
    }

    @Test
    void refusesJavaDataMadeInsideTheStep() {
        CaptureException e = refused(h -> h.mul(Tensor.of(new double[] {1, 2}, 2)));
        assertTrue(e.getMessage().contains("made from Java data inside the step"), e.getMessage());
        assertTrue(e.getMessage().contains("CaptureTest"), e.getMessage());
    }

    @Test
    void refusesWritesGraphsAndNesting() {
        Tensor w = Tensor.of(new double[] {1, 2}, 2).requiresGrad(true);
        CapturedStep writes = Autograd.capture(in -> {
            w.array()[0] = 5;
            return in[0];
        });
        assertTrue(assertThrows(CaptureException.class, () -> writes.run(Tensor.ones(2))).getMessage()
                .contains("wrote into a tensor of shape [2] with array()"));
        CapturedStep graph = Autograd.capture(in -> in[0].mul(w).sum());
        assertTrue(assertThrows(CaptureException.class, () -> graph.run(Tensor.ones(2))).getMessage()
                .contains("whose graph is still recorded (produced by SumBackward)"));
        CapturedStep inner = Autograd.capture(in -> in[0].neg());
        CapturedStep outer = Autograd.capture(in -> inner.run(in[0]));
        assertTrue(assertThrows(CaptureException.class, () -> outer.run(Tensor.ones(2))).getMessage()
                .contains("inside another capture"));
        CapturedStep second = Autograd.capture(in -> {
            Tensor y = in[0].mul(w).sum();
            Autograd.grad(y, List.of(w), true);
            return y.detach();
        });
        assertTrue(assertThrows(CaptureException.class, () -> second.run(Tensor.ones(2))).getMessage()
                .contains("createGraph"));
        assertThrows(IllegalArgumentException.class, () -> inner.run(w));
        try (Autograd.AnomalyScope a = Autograd.detectAnomaly()) {
            assertTrue(assertThrows(CaptureException.class, () -> inner.run(Tensor.ones(2))).getMessage()
                    .contains("anomaly mode"));
        }
    }

    @Test
    void theResultIsTheCapturedBufferAndItsVersionCountsReplays() {
        CapturedStep step = Autograd.capture(in -> in[0].mul(2.0));
        Tensor first = step.run(Tensor.of(new double[] {1, 2}, 2));
        int version = first.version();
        Tensor second = step.run(Tensor.of(new double[] {3, 4}, 2));
        assertSame(first, second);
        assertArrayEquals(new double[] {6, 8}, second.toDoubleArray());
        assertTrue(second.version() > version);
    }
}
