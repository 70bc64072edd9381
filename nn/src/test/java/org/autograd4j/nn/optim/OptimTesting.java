package org.autograd4j.nn.optim;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import java.util.function.Function;
import org.autograd4j.core.Tensor;

/** Shared fixtures: the quadratic bowl, tolerant array comparison, and a driver that runs optimizer steps. */
final class OptimTesting {
    private OptimTesting() {
    }

    /** {@code f(x) = sum a_i (x_i - c_i)^2}, minimum at {@code c}; gradient {@code 2 a_i (x_i - c_i)}. */
    record Bowl(double[] a, double[] c) {
        static final Bowl STANDARD = new Bowl(new double[] {1, 3, 0.5}, new double[] {2, -1, 0.5});
        static final double[] START = {0, 0, 3};

        /** The gradient in plain double arithmetic, for the reference computations. */
        double[] grad(double[] x) {
            double[] g = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                g[i] = 2 * a[i] * (x[i] - c[i]);
            }
            return g;
        }

        /** Clears {@code x}'s gradient and computes it through autograd. */
        void backward(Tensor x) {
            x.zeroGrad();
            x.sub(Tensor.of(c)).square().mul(Tensor.of(a)).sum().backward();
        }
    }

    /** A fresh FLOAT64 leaf requiring grad. */
    static Tensor param(double... values) {
        return Tensor.of(values).requiresGrad(true);
    }

    /** Runs {@code steps} optimizer steps on the bowl and returns the parameter after each. */
    static double[][] run(Bowl bowl, double[] start, int steps, Function<List<Tensor>, Optimizer> make) {
        Tensor x = param(start);
        Optimizer opt = make.apply(List.of(x));
        double[][] out = new double[steps][];
        for (int t = 0; t < steps; t++) {
            bowl.backward(x);
            opt.step();
            out[t] = x.toDoubleArray();
        }
        return out;
    }

    /** Fails unless {@code |e - a| <= tol * max(1, |e|)} elementwise: float64 precision for {@code tol} ~1e-14. */
    static void assertClose(double[][] expected, double[][] actual, double tol) {
        for (int t = 0; t < expected.length; t++) {
            for (int i = 0; i < expected[t].length; i++) {
                double e = expected[t][i];
                double a = actual[t][i];
                if (!(Math.abs(e - a) <= tol * Math.max(1, Math.abs(e)))) {
                    fail("step " + (t + 1) + ", element " + i + ": expected " + e + " but was " + a);
                }
            }
        }
    }

    /** Fails unless every element of {@code x} is within {@code tol} of {@code target}. */
    static void assertNear(double[] target, double[] x, double tol) {
        for (int i = 0; i < x.length; i++) {
            if (!(Math.abs(x[i] - target[i]) <= tol)) {
                fail("element " + i + ": expected " + target[i] + " +- " + tol + " but was " + x[i]);
            }
        }
    }
}
