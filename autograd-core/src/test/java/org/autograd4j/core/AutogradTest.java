package org.autograd4j.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** The functional API: {@link Autograd#grad}, higher-order gradients, and the per-thread grad mode. */
@SuppressWarnings("try")   // scopes opened only for their effect on the grad mode
class AutogradTest {

    private static void assertValues(double[] expected, Tensor t, double tol) {
        assertArrayEquals(expected, t.toDoubleArray(), tol);
    }

    @Test
    void gradReturnsGradientsWithoutTouchingGrad() {
        Tensor x = Tensor.of(new double[] {1, 2, 3}).requiresGrad(true);
        Tensor w = Tensor.of(new double[] {4, 5, 6}).requiresGrad(true);
        Tensor h = x.mul(w);
        List<Tensor> g = Autograd.grad(h.sum(), List.of(x, w, h), false);
        assertEquals(3, g.size());
        assertValues(new double[] {4, 5, 6}, g.get(0), 0);
        assertValues(new double[] {1, 2, 3}, g.get(1), 0);
        assertValues(new double[] {1, 1, 1}, g.get(2), 0);   // an intermediate tensor can be an input too
        assertNull(x.grad());
        assertNull(w.grad());
        assertNull(h.grad());
        for (Tensor t : g) {
            assertFalse(t.requiresGrad(), "without createGraph the gradients are plain values");
        }
    }

    @Test
    void gradDoesNotAddToGradientsAccumulatedByBackward() {
        Tensor x = Tensor.of(new double[] {1, 2}).requiresGrad(true);
        x.mul(3).sum().backward();
        Autograd.grad(x.mul(5).sum(), List.of(x), false);
        assertValues(new double[] {3, 3}, x.grad(), 0);
    }

    @Test
    void theSameInputTwiceGetsTheSameGradient() {
        Tensor x = Tensor.of(new double[] {1, 2}).requiresGrad(true);
        List<Tensor> g = Autograd.grad(x.pow(2).sum(), List.of(x, x), false);
        assertValues(new double[] {2, 4}, g.get(0), 0);
        assertValues(new double[] {2, 4}, g.get(1), 0);
    }

    @Test
    void gradWithoutCreateGraphReleasesTheGraph() {
        Tensor x = Tensor.of(new double[] {1, 2}).requiresGrad(true);
        Tensor y = x.exp().sum();
        Autograd.grad(y, List.of(x), false);
        assertThrows(IllegalStateException.class, () -> Autograd.grad(y, List.of(x), false));
    }

    @Test
    void retainGraphAllowsGradTwice() {
        Tensor x = Tensor.of(new double[] {1, 2}).requiresGrad(true);
        Tensor y = x.exp().sum();
        Tensor g1 = Autograd.grad(y, List.of(x), null, false, true).get(0);
        Tensor g2 = Autograd.grad(y, List.of(x), null, false, false).get(0);
        assertArrayEquals(g1.toDoubleArray(), g2.toDoubleArray());
    }

    @Test
    void unusedInputIsAnIllegalArgumentNamingIt() {
        Tensor x = Tensor.of(new double[] {1, 2}).requiresGrad(true);
        Tensor unused = Tensor.zeros(4, 1).requiresGrad(true);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Autograd.grad(x.sum(), List.of(x, unused), false));
        assertTrue(e.getMessage().contains("input 1 (shape [4, 1])"), e.getMessage());
        assertTrue(e.getMessage().contains("not used"), e.getMessage());
    }

    @Test
    void allowUnusedGivesZeros() {
        Tensor x = Tensor.of(new double[] {1, 2}).requiresGrad(true);
        Tensor unused = Tensor.zeros(4, 1).requiresGrad(true);
        List<Tensor> g = Autograd.grad(x.sum(), List.of(x, unused), null, false, false, true);
        assertValues(new double[] {1, 1}, g.get(0), 0);
        assertArrayEquals(new long[] {4, 1}, g.get(1).shape());
        assertValues(new double[4], g.get(1), 0);
    }

    @Test
    void vectorJacobianProductWithAGradientOutput() {
        Tensor x = Tensor.of(new double[] {1, 2, 3}).requiresGrad(true);
        Tensor y = x.pow(2);
        Tensor v = Tensor.of(new double[] {1, -1, 0.5});
        assertValues(new double[] {2, -4, 3}, Autograd.grad(y, List.of(x), v, false, false).get(0), 1e-12);
    }

    @Test
    void createGraphGivesDifferentiableGradientsOfXCubed() {
        Tensor x = Tensor.of(new double[] {-1, 0.5, 2}).requiresGrad(true);
        Tensor g = Autograd.grad(x.pow(3).sum(), List.of(x), true).get(0);        // 3x²
        assertTrue(g.requiresGrad());
        assertValues(new double[] {3, 0.75, 12}, g, 1e-12);
        Tensor h = Autograd.grad(g.sum(), List.of(x), true).get(0);                // 6x
        assertValues(new double[] {-6, 3, 12}, h, 1e-12);
        Tensor t = Autograd.grad(h.sum(), List.of(x), false).get(0);               // 6
        assertValues(new double[] {6, 6, 6}, t, 1e-12);
    }

    @Test
    void hessianVectorProduct() {
        // f(x) = Σ x_i³ + x_0 x_1 ; H = diag(6x) + [[0,1],[1,0]] on the first two coordinates
        Tensor x = Tensor.of(new double[] {1, 2, 3}).requiresGrad(true);
        Tensor f = x.pow(3).sum().add(x.slice(0, 0, 1).mul(x.slice(0, 1, 2)).sum());
        Tensor g = Autograd.grad(f, List.of(x), true).get(0);
        Tensor v = Tensor.of(new double[] {1, -1, 2});
        Tensor hv = Autograd.grad(g.mul(v).sum(), List.of(x), false).get(0);
        // H v = [6*1*1 + (-1), 6*2*(-1) + 1, 6*3*2]
        assertValues(new double[] {5, -11, 36}, hv, 1e-12);
    }

    @Test
    void hessianVectorProductThroughMatmulTanhAndSoftmax() {
        Random rng = new Random(5);
        Tensor a = Tensor.randn(rng, 3, 4);
        Tensor v = Tensor.randn(rng, 4, 2);
        // the oracle: the Hessian-vector product equals the derivative of the gradient along v
        Tensor w0 = Tensor.randn(rng, 4, 2);
        java.util.function.Function<Tensor, Tensor> loss = w -> a.matmul(w).tanh().logSoftmax(1).sum(0, false)
                .pow(2).sum();
        Tensor w = w0.detach().requiresGrad(true);
        Tensor g = Autograd.grad(loss.apply(w), List.of(w), true).get(0);
        Tensor hv = Autograd.grad(g.mul(v).sum(), List.of(w), false).get(0);
        double eps = 1e-6;
        Tensor plus = Tensor.of(w0.toDoubleArray(), 4, 2).add(v.mul(eps)).requiresGrad(true);
        Tensor minus = Tensor.of(w0.toDoubleArray(), 4, 2).sub(v.mul(eps)).requiresGrad(true);
        Tensor gp = Autograd.grad(loss.apply(plus), List.of(plus), false).get(0);
        Tensor gm = Autograd.grad(loss.apply(minus), List.of(minus), false).get(0);
        assertValues(gp.sub(gm).div(2 * eps).toDoubleArray(), hv, 1e-5);
    }

    @Test
    void gradientPenaltyTrainsThroughTheGradient() {
        // WGAN-GP style: penalty = (|∂D/∂x|² - 1)² for a critic D(x) = tanh(x·w) summed; the penalty's gradient with
        // respect to w goes through the gradient with respect to x.
        Random rng = new Random(11);
        Tensor x0 = Tensor.randn(rng, 5, 3);
        java.util.function.Function<List<Tensor>, Tensor> penalty = in -> {
            Tensor w = in.get(0);
            Tensor x = x0.detach().requiresGrad(true);
            Tensor d = x.matmul(w).tanh().sum();
            Tensor gx = Autograd.grad(d, List.of(x), true).get(0);                    // [5, 3]
            return gx.pow(2).sum(1, false).sub(1).pow(2).mean();
        };
        Tensor w = Tensor.randn(rng, 3, 2).requiresGrad(true);
        Tensor p = penalty.apply(List.of(w));
        p.backward();
        assertArrayEquals(new long[] {3, 2}, w.grad().shape());
        assertTrue(Math.abs(w.grad().toDoubleArray()[0]) > 1e-6, "the penalty depends on w");
        GradCheck.check(penalty, List.of(w)).orThrow();
        // the penalty's own gradient, checked numerically against what backward() accumulated
        double eps = 1e-6;
        double[] wv = w.toDoubleArray();
        for (int i = 0; i < wv.length; i++) {
            double[] up = wv.clone();
            double[] down = wv.clone();
            up[i] += eps;
            down[i] -= eps;
            double numeric = (penalty.apply(List.of(Tensor.of(up, 3, 2))).item()
                    - penalty.apply(List.of(Tensor.of(down, 3, 2))).item()) / (2 * eps);
            assertEquals(numeric, w.grad().toDoubleArray()[i], 1e-5 + 1e-3 * Math.abs(numeric));
        }
    }

    @Test
    void backwardWithCreateGraphAccumulatesDifferentiableGradients() {
        Tensor x = Tensor.scalar(2).requiresGrad(true);
        x.pow(3).backward(null, false, true);
        Tensor g = x.grad();                                    // 3x² = 12, with a graph
        assertEquals(12, g.item(), 1e-12);
        assertTrue(g.requiresGrad());
        Tensor h = Autograd.grad(g, List.of(x), false).get(0);  // 6x = 12
        assertEquals(12, h.item(), 1e-12);
    }

    @Test
    void noGradRecordsNothing() {
        Tensor x = Tensor.of(new double[] {1, 2}).requiresGrad(true);
        Tensor y;
        try (var scope = Autograd.noGrad()) {
            assertFalse(Autograd.isGradEnabled());
            y = x.mul(2).exp().sum();
        }
        assertTrue(Autograd.isGradEnabled());
        assertTrue(y.isLeaf());
        assertFalse(y.requiresGrad());
        assertNull(y.gradFn());
        assertEquals(Math.exp(2) + Math.exp(4), y.item(), 1e-12);
        assertThrows(IllegalStateException.class, y::backward);
        x.mul(2).sum().backward();     // recording is back on
        assertValues(new double[] {2, 2}, x.grad(), 0);
    }

    @Test
    void scopesNestAndRestoreThePreviousModeOnClose() {
        assertTrue(Autograd.isGradEnabled());
        try (var outer = Autograd.noGrad()) {
            assertFalse(Autograd.isGradEnabled());
            try (var inner = Autograd.noGrad()) {
                assertFalse(Autograd.isGradEnabled());
            }
            assertFalse(Autograd.isGradEnabled(), "closing an inner noGrad keeps the outer one");
            try (var enable = Autograd.enableGrad()) {
                assertTrue(Autograd.isGradEnabled());
                Tensor x = Tensor.scalar(1).requiresGrad(true);
                assertEquals("MulBackward", x.mul(2).gradFn());
            }
            assertFalse(Autograd.isGradEnabled());
        }
        assertTrue(Autograd.isGradEnabled());
    }

    @Test
    void closingTwiceDoesNothingAndExceptionsStillRestore() {
        Autograd.Scope scope = Autograd.noGrad();
        scope.close();
        try (var other = Autograd.noGrad()) {
            scope.close();                 // already closed: must not switch recording back on
            assertFalse(Autograd.isGradEnabled());
        }
        assertThrows(ArithmeticException.class, () -> {
            try (var s = Autograd.noGrad()) {
                throw new ArithmeticException("boom");
            }
        });
        assertTrue(Autograd.isGradEnabled());
    }

    @Test
    void backwardRunsEvenUnderNoGradAndLeavesTheModeAsItWas() {
        Tensor x = Tensor.of(new double[] {1, 2}).requiresGrad(true);
        Tensor y = x.exp().sum();
        try (var scope = Autograd.noGrad()) {
            y.backward();
            assertFalse(Autograd.isGradEnabled());
        }
        assertValues(new double[] {Math.exp(1), Math.exp(2)}, x.grad(), 1e-12);
    }

    @Test
    void theModeIsPerThread() throws Exception {
        CountDownLatch off = new CountDownLatch(1);
        CountDownLatch checked = new CountDownLatch(1);
        AtomicBoolean otherThreadRecords = new AtomicBoolean();
        Thread other = new Thread(() -> {
            try {
                off.await();
                Tensor x = Tensor.scalar(1).requiresGrad(true);
                otherThreadRecords.set(Autograd.isGradEnabled() && x.mul(2).gradFn() != null);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                checked.countDown();
            }
        });
        other.start();
        try (var scope = Autograd.noGrad()) {
            off.countDown();
            assertTrue(checked.await(10, TimeUnit.SECONDS));
            assertFalse(Autograd.isGradEnabled());
        }
        other.join();
        assertTrue(otherThreadRecords.get(), "a noGrad scope on one thread switched recording off on another");
    }

    @Test
    void graphsBuiltOnFourThreadsAtOnceAreIndependentAndCorrect() throws Exception {
        int threads = 4;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CyclicBarrier start = new CyclicBarrier(threads);
        try {
            List<Future<String>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int id = t;
                results.add(pool.submit(() -> {
                    start.await();
                    return trainAndCheck(id);
                }));
            }
            for (Future<String> r : results) {
                assertEquals("ok", r.get(60, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Builds and differentiates many graphs, toggling noGrad on this thread only, and checks each gradient against
     * its closed form; returns "ok" or what went wrong.
     */
    private static String trainAndCheck(int id) {
        Random rng = new Random(id);
        Tensor w = Tensor.randn(rng, 8, 3).requiresGrad(true);
        Tensor x = Tensor.randn(rng, 16, 8);
        for (int step = 0; step < 300; step++) {
            // loss = Σ (x·w)² ; dL/dw = 2 xᵀ (x·w)
            Tensor loss = x.matmul(w).pow(2).sum();
            loss.backward();
            Tensor expected;
            try (var scope = Autograd.noGrad()) {
                if (Autograd.isGradEnabled()) {
                    return "noGrad did not switch this thread off";
                }
                expected = x.transpose().matmul(x.matmul(w)).mul(2);
                if (!expected.isLeaf()) {
                    return "recorded under noGrad";
                }
            }
            if (!Autograd.isGradEnabled()) {
                return "mode not restored";
            }
            double[] g = w.grad().toDoubleArray();
            double[] e = expected.toDoubleArray();
            for (int i = 0; i < g.length; i++) {
                if (Math.abs(g[i] - e[i]) > 1e-9 * (1 + Math.abs(e[i]))) {
                    return "thread " + id + " step " + step + ": gradient " + g[i] + " != " + e[i];
                }
            }
            w.zeroGrad();
            Tensor second = Autograd.grad(x.matmul(w).tanh().sum(), List.of(w), true).get(0);
            if (!second.requiresGrad()) {
                return "createGraph gave a constant";
            }
        }
        return "ok";
    }
}
