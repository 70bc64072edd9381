package org.autograd4j.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.DoubleUnaryOperator;
import org.autograd4j.core.GradCheck;
import org.autograd4j.core.Tensor;
import org.junit.jupiter.api.Test;

/** Activation modules against plain-Java formulas, GradCheck to second order, and PReLU's slope learning. */
class ActivationsTest {
    /** Values away from 0, where ReLU-like functions have their kink. */
    private static final double[] X = {-3.0, -1.2, -0.4, 0.3, 0.9, 2.5};

    @Test
    void activationsMatchTheirFormulas() {
        expect(new ReLU(), v -> Math.max(v, 0));
        expect(new LeakyReLU(0.2), v -> v > 0 ? v : 0.2 * v);
        expect(new PReLU(), v -> v > 0 ? v : 0.25 * v);
        expect(new ELU(0.7), v -> v > 0 ? v : 0.7 * (Math.exp(v) - 1));
        expect(new GELU(), v -> 0.5 * v * (1 + erf(v / Math.sqrt(2))));
        expect(new GELU(true), v -> 0.5 * v * (1 + Math.tanh(Math.sqrt(2 / Math.PI) * (v + 0.044715 * v * v * v))));
        expect(new Tanh(), Math::tanh);
        expect(new Sigmoid(), v -> 1 / (1 + Math.exp(-v)));
        expect(new Identity(), v -> v);
    }

    @Test
    void geluMatchesKnownValues() {
        // PyTorch: F.gelu(tensor([-1., 0.5, 2.])) = [-0.158655, 0.345731, 1.954500]
        assertArrayEquals(new double[] {-0.15865525393145707, 0.34573123063700656, 1.9544997361036416},
                new GELU().forward(Tensor.of(new double[] {-1, 0.5, 2})).toDoubleArray(), 1e-12);
    }

    @Test
    void softmaxAndLogSoftmaxRunAlongTheirAxis() {
        Tensor x = Tensor.of(new double[][] {{1, 2, 3}, {0, 0, 0}});
        double[] s = new Softmax(1).forward(x).toDoubleArray();
        double z = Math.exp(1) + Math.exp(2) + Math.exp(3);
        assertArrayEquals(new double[] {Math.exp(1) / z, Math.exp(2) / z, Math.exp(3) / z, 1 / 3.0, 1 / 3.0, 1 / 3.0},
                s, 1e-12);
        double[] ls = new LogSoftmax().forward(x).toDoubleArray();
        for (int i = 0; i < 6; i++) {
            assertEquals(Math.log(s[i]), ls[i], 1e-12);
        }
        double[] columns = new Softmax(0).forward(x).toDoubleArray();
        assertEquals(1.0, columns[0] + columns[3], 1e-12);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Softmax(1).forward(Tensor.zeros(3)));
        assertEquals("Softmax: axis 1 is out of range for input of shape [3]", e.getMessage());
    }

    @Test
    void activationsPassGradCheckToSecondOrder() {
        List<Module> modules = List.of(new ReLU(), new LeakyReLU(0.1), new ELU(1.3), new GELU(), new GELU(true),
                new Tanh(), new Sigmoid(), new Softmax(1), new LogSoftmax(1), new Identity());
        for (Module m : modules) {
            Tensor x = Tensor.of(X, 2, 3).requiresGrad(true);
            GradCheck.check(in -> m.forward(in.get(0)), List.of(x)).orThrow();
            GradCheck.checkSecondOrder(in -> m.forward(in.get(0)), List.of(x)).orThrow();
        }
    }

    @Test
    void preluSlopeGetsAGradientAndLearns() {
        PReLU prelu = new PReLU();
        Tensor x = Tensor.of(X, 6, 1);
        double[] t = new double[X.length];
        for (int i = 0; i < t.length; i++) {
            t[i] = X[i] > 0 ? X[i] : 0.6 * X[i];
        }
        Tensor target = Tensor.of(t, 6, 1);
        for (int step = 0; step < 200; step++) {
            TrainingTest.descend(prelu, Losses.mse(prelu.forward(x), target), 0.3);
        }
        assertEquals(0.6, prelu.slope().item(), 1e-6);
        PReLU channels = new PReLU(3, 0.1);
        Tensor in = Tensor.of(X, 2, 3).requiresGrad(true);
        GradCheck.check(l -> channels.forward(l.get(0)), List.of(in)).orThrow();
        channels.forward(in).sum().backward();
        assertArrayEquals(new long[] {3}, channels.slope().grad().shape());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> channels.forward(Tensor.zeros(2, 4)));
        assertEquals("PReLU: expected input of shape [batch, 3, ...], got [2, 4]", e.getMessage());
    }

    /** The functional form is what the module computes, and differentiates in the slopes it is given. */
    @Test
    void preluAsAFunctionOfItsSlopes() {
        Tensor in = Tensor.of(X, 2, 3);
        Tensor slopes = Tensor.of(new double[] {0.1, -0.2, 0.3}).requiresGrad(true);
        PReLU channels = new PReLU(3, 0.1);
        GradCheck.check(l -> PReLU.apply(in, l.get(0)), List.of(slopes)).orThrow();
        assertArrayEquals(channels.forward(in).toDoubleArray(),
                PReLU.apply(in, Tensor.full(0.1, 3)).toDoubleArray(), 0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PReLU.apply(in, Tensor.ones(3, 1)));
        assertEquals("PReLU: slopes must have shape [n] with n >= 1, got [3, 1]", e.getMessage());
    }

    @Test
    void eluStaysFiniteForLargeInputs() {
        Tensor x = Tensor.of(new double[] {1000, -1000}).requiresGrad(true);
        new ELU().forward(x).sum().backward();
        assertArrayEquals(new double[] {1, 0}, x.grad().toDoubleArray(), 0);
    }

    @Test
    void activationEnumMapsToModulesAndGains() {
        assertTrue(Activation.RELU.module() instanceof ReLU);
        assertTrue(Activation.NONE.module() instanceof Identity);
        assertEquals(0.01, ((LeakyReLU) Activation.LEAKY_RELU.module()).slope());
        assertEquals(Math.sqrt(2), Activation.RELU.gain(), 0);
        assertEquals(5.0 / 3, Activation.TANH.gain(), 0);
        assertEquals(1.0, Activation.SIGMOID.gain(), 0);
        assertEquals(Math.sqrt(2 / (1 + 0.01 * 0.01)), Activation.LEAKY_RELU.gain(), 1e-15);
        for (Activation a : Activation.values()) {
            Tensor y = a.module().forward(Tensor.of(X, 2, 3));
            assertArrayEquals(new long[] {2, 3}, y.shape(), a.name());
        }
    }

    private static void expect(Module m, DoubleUnaryOperator f) {
        double[] y = m.forward(Tensor.of(X)).toDoubleArray();
        for (int i = 0; i < X.length; i++) {
            assertEquals(f.applyAsDouble(X[i]), y[i], 1e-12, m.getClass().getSimpleName() + " at " + X[i]);
        }
    }

    /** erf by Simpson's rule on 2/√π e^{-t²}: an independent reference. */
    private static double erf(double x) {
        int n = 20000;
        double h = x / n;
        double s = 1 + Math.exp(-x * x);
        for (int i = 1; i < n; i++) {
            s += (i % 2 == 1 ? 4 : 2) * Math.exp(-(i * h) * (i * h));
        }
        return 2 / Math.sqrt(Math.PI) * s * h / 3;
    }
}
