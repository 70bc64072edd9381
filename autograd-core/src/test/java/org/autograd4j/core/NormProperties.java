package org.autograd4j.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** {@link Norm} (p = 2, here), and the p = 1 ({@link P1}) and p = ∞ ({@link PInf}) norms, composites. */
class NormProperties extends ReductionProperties {
    /** Away from 0, where |x| has a kink; ties in |x| (for p = ∞) are improbable. */
    private static final Gen<AxesGen.Case> CASES = AxesGen.cases(TensorGen.signed(0.2, 2));

    @Override
    Gen<AxesGen.Case> cases() {
        return CASES;
    }

    @Override
    Tensor apply(Tensor x, AxesGen.Case c) {
        return x.norm(2, c.axes(), c.keepDims());
    }

    @Override
    double reference(double[] values, AxesGen.Case c) {
        double s = 0;
        for (double v : values) {
            s += v * v;
        }
        return Math.sqrt(s);
    }

    /** The sum of absolute values. */
    @Nested
    class P1 extends ReductionProperties {
        @Override
        Gen<AxesGen.Case> cases() {
            return CASES;
        }

        @Override
        Tensor apply(Tensor x, AxesGen.Case c) {
            return x.norm(1, c.axes(), c.keepDims());
        }

        @Override
        double reference(double[] values, AxesGen.Case c) {
            double s = 0;
            for (double v : values) {
                s += Math.abs(v);
            }
            return s;
        }
    }

    /** The largest absolute value, over values whose magnitudes are distinct (a tie is a kink). */
    @Nested
    class PInf extends ReductionProperties {
        @Override
        Gen<AxesGen.Case> cases() {
            return AxesGen.cases(TensorGen.shapes(0, 3), s -> TensorGen.distinct(s).map(t -> {
                double[] v = t.toDoubleArray();
                for (int i = 0; i < v.length; i++) {
                    v[i] = (v[i] + 3) * (i % 2 == 0 ? 1 : -1);
                }
                return new Tensor(v, t.shape, DType.FLOAT64);
            }));
        }

        @Override
        Tensor apply(Tensor x, AxesGen.Case c) {
            return x.norm(Double.POSITIVE_INFINITY, c.axes(), c.keepDims());
        }

        @Override
        double reference(double[] values, AxesGen.Case c) {
            double m = 0;
            for (double v : values) {
                m = Math.max(m, Math.abs(v));
            }
            return m;
        }
    }

    /** At the zero vector every p gives the gradient 0, as PyTorch (not the NaN of 0/0), and so does second order. */
    @Test
    void zeroVectorHasGradientZero() {
        for (double p : new double[] {1, 2, Double.POSITIVE_INFINITY}) {
            Tensor x = Tensor.zeros(2, 3).requiresGrad(true);
            Tensor g = Autograd.grad(x.norm(p, new int[] {1}, false).sum(), List.of(x), true).get(0);
            assertArrayEquals(new double[6], g.toDoubleArray(), 0.0, "p = " + p);
            // for p = 1 and ∞ the gradient is piecewise constant: it may not depend on x at all
            Tensor h = g.requiresGrad() ? Autograd.grad(g.sum(), List.of(x), null, false, false, true).get(0)
                    : Tensor.zeros(2, 3);
            assertArrayEquals(new double[6], h.toDoubleArray(), 0.0, "second order, p = " + p);
        }
    }

    /** The Frobenius norm is p = 2 over a matrix's two axes; norm() is p = 2 over every element. */
    @Test
    void frobeniusAndDefaults() {
        Tensor m = Tensor.of(new double[][] {{3, 0}, {0, 4}});
        assertEquals(5.0, m.norm().item(), 0.0);
        assertEquals(5.0, m.norm(2, new int[] {-2, -1}, false).item(), 0.0);
        assertEquals(7.0, m.norm(1).item(), 0.0);
        assertEquals(4.0, m.norm(Double.POSITIVE_INFINITY).item(), 0.0);
        Tensor ties = Tensor.of(new double[] {-2, 1, 2}).requiresGrad(true);
        ties.norm(Double.POSITIVE_INFINITY).backward();
        assertArrayEquals(new double[] {-0.5, 0, 0.5}, ties.grad().toDoubleArray(), 0.0);
    }

    @Test
    void onlyOneTwoAndInfinity() {
        ErrorMessagesTest.argument("norm: p must be 1, 2 or infinity, got 3.0", () -> Tensor.ones(2).norm(3));
        ErrorMessagesTest.argument("norm: axis 1 is out of range for a tensor of rank 1",
                () -> Tensor.ones(2).norm(2, new int[] {1}, false));
    }
}
