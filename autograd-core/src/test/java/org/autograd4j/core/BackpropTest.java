package org.autograd4j.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The reverse walk of {@link Tensor#backward()}: accumulation, reuse, release, seeds, depth and memory. */
class BackpropTest {

    private static void assertValues(double[] expected, Tensor t) {
        assertArrayEquals(expected, t.toDoubleArray(), 1e-12);
    }

    @Test
    void leavesAccumulateAcrossBackwardCallsUntilZeroGrad() {
        Tensor x = Tensor.of(new double[] {1, 2, 3}).requiresGrad(true);
        x.mul(x).sum().backward();                    // 2x
        assertValues(new double[] {2, 4, 6}, x.grad());
        x.mul(3).sum().backward();                    // + 3
        assertValues(new double[] {5, 7, 9}, x.grad());
        x.zeroGrad();
        assertNull(x.grad());
        x.mul(3).sum().backward();
        assertValues(new double[] {3, 3, 3}, x.grad());
    }

    @Test
    void gradientHasTheLeafsShapeAndDtype() {
        Tensor w = Tensor.ones(2, 1).requiresGrad(true);
        Tensor b = Tensor.of(new float[] {0.5f}).requiresGrad(true);
        Tensor x = Tensor.of(new double[][] {{1, 2}, {3, 4}, {5, 6}});
        x.matmul(w.broadcastTo(2, 3)).add(b).sum().backward();
        assertArrayEquals(new long[] {2, 1}, w.grad().shape());
        assertArrayEquals(new long[] {1}, b.grad().shape());
        assertEquals(DType.FLOAT32, b.grad().dtype());
        assertValues(new double[] {27, 36}, w.grad());
        assertValues(new double[] {9}, b.grad());
    }

    @Test
    void aTensorUsedSeveralTimesGetsTheSumOfItsGradients() {
        Tensor a = Tensor.scalar(3).requiresGrad(true);
        // y = a*a + a + exp(a)*a: dy/da = 2a + 1 + exp(a)(a + 1)
        Tensor y = a.mul(a).add(a).add(a.exp().mul(a));
        y.backward();
        assertEquals(2 * 3 + 1 + Math.exp(3) * 4, a.grad().item(), 1e-12);
    }

    @Test
    void sharedIntermediatesAreSummedBeforeBeingPropagated() {
        Tensor x = Tensor.of(new double[] {1, 2}).requiresGrad(true);
        Tensor h = x.mul(2);                 // used by three consumers
        Tensor y = h.add(h).add(h.mul(h)).sum();
        y.backward();
        // dy/dh = 2 + 2h, dh/dx = 2
        assertValues(new double[] {2 * (2 + 2 * 2), 2 * (2 + 2 * 4)}, x.grad());
    }

    @Test
    void nonLeafGradientsStayNull() {
        Tensor x = Tensor.of(new double[] {1, 2}).requiresGrad(true);
        Tensor h = x.exp();
        Tensor y = h.sum();
        y.backward();
        assertNotNull(x.grad());
        assertNull(h.grad());
        assertNull(y.grad());
    }

    @Test
    void leavesThatNeedNoGradientGetNone() {
        Tensor x = Tensor.of(new double[] {1, 2}).requiresGrad(true);
        Tensor c = Tensor.of(new double[] {3, 4});
        x.mul(c).sum().backward();
        assertNull(c.grad());
        assertValues(new double[] {3, 4}, x.grad());
    }

    @Test
    void secondBackwardThroughAReleasedGraphFailsAndSaysHowToKeepIt() {
        Tensor x = Tensor.of(new double[] {1, 2}).requiresGrad(true);
        Tensor y = x.exp().sum();
        y.backward();
        IllegalStateException e = assertThrows(IllegalStateException.class, y::backward);
        assertTrue(e.getMessage().contains("released"), e.getMessage());
        assertTrue(e.getMessage().contains("retainGraph"), e.getMessage());
        assertValues(new double[] {Math.exp(1), Math.exp(2)}, x.grad());
    }

    @Test
    void retainGraphAllowsBackwardTwice() {
        Tensor x = Tensor.of(new double[] {1, 2}).requiresGrad(true);
        Tensor y = x.exp().mul(x).sum();
        y.backward(null, true);
        double[] once = x.grad().toDoubleArray();
        y.backward(null, true);
        y.backward();
        for (int i = 0; i < 2; i++) {
            double xi = i + 1;
            assertEquals(Math.exp(xi) * (xi + 1), once[i], 1e-12);
            assertEquals(3 * once[i], x.grad().toDoubleArray()[i], 1e-12);
        }
        assertThrows(IllegalStateException.class, y::backward);
    }

    @Test
    void backwardWithAGradientForNonScalars() {
        Tensor x = Tensor.of(new double[] {1, 2, 3, 4}, 2, 2).requiresGrad(true);
        Tensor y = x.mul(x);                              // [2, 2]
        y.backward(Tensor.of(new double[] {1, 0, 10, -1}, 2, 2));
        assertValues(new double[] {2, 0, 60, -8}, x.grad());
    }

    @Test
    void backwardGradientIsConvertedToTheOutputsDtype() {
        Tensor x = Tensor.of(new float[] {1, 2}).requiresGrad(true);
        x.mul(3).backward(Tensor.of(new double[] {1, 0.5}));
        assertEquals(DType.FLOAT32, x.grad().dtype());
        assertValues(new double[] {3, 1.5}, x.grad());
    }

    @Test
    void backwardOfALeafSeedsItsOwnGradient() {
        Tensor x = Tensor.scalar(5).requiresGrad(true);
        x.backward();
        assertEquals(1.0, x.grad().item());
    }

    @Test
    void broadcastInputsGetGradientsSummedBackToTheirShape() {
        Tensor a = Tensor.of(new double[] {1, 2, 3}, 3, 1).requiresGrad(true);
        Tensor b = Tensor.of(new double[] {10, 20}, 1, 2).requiresGrad(true);
        Tensor s = Tensor.scalar(2).requiresGrad(true);
        a.mul(b).mul(s).sum().backward();
        assertArrayEquals(new long[] {3, 1}, a.grad().shape());
        assertArrayEquals(new long[] {1, 2}, b.grad().shape());
        assertArrayEquals(new long[0], s.grad().shape());
        assertValues(new double[] {60, 60, 60}, a.grad());
        assertValues(new double[] {12, 12}, b.grad());
        assertEquals(6 * 30, s.grad().item(), 1e-12);
    }

    @Test
    void onlyTheGraphBelowTheOutputIsWalked() {
        Tensor x = Tensor.of(new double[] {1, 2}).requiresGrad(true);
        Tensor other = x.mul(100).sum();   // a separate graph on the same leaf
        x.mul(2).sum().backward();
        assertValues(new double[] {2, 2}, x.grad());
        other.backward();                  // still intact
        assertValues(new double[] {102, 102}, x.grad());
    }

    @Test
    void deepGraphOfAHundredThousandOpsBackpropagatesWithoutStackOverflow() {
        Tensor x = Tensor.scalar(1.0).requiresGrad(true);
        Tensor y = x;
        int depth = 100_000;
        for (int i = 0; i < depth; i++) {
            y = i % 2 == 0 ? y.add(1e-3) : y.mul(1.0);
        }
        assertEquals(1 + depth / 2 * 1e-3, y.item(), 1e-9);
        y.backward();
        assertEquals(1.0, x.grad().item());
    }

    @Test
    void deepGraphWithAChainOfSharedNodesBackpropagatesToo() {
        // each step uses the previous tensor twice: a DAG whose naive recursive walk would also be exponential
        Tensor x = Tensor.scalar(0.5).requiresGrad(true);
        Tensor y = x;
        for (int i = 0; i < 100_000; i++) {
            y = y.add(y).mul(0.5);
        }
        y.backward();
        assertEquals(1.0, x.grad().item(), 1e-12);
    }

    /**
     * Note: after {@code backward()} without retainGraph, the output still exists, but nothing of the graph behind it
     * may stay reachable from it: the intermediate tensor below must become collectable while we hold only the output
     * and the leaf.
     */
    @Test
    void afterBackwardNothingFromTheGraphStaysReachable() {
        Tensor x = Tensor.randn(new java.util.Random(1), 64, 64).requiresGrad(true);
        Tensor y = x.matmul(x).tanh().sum();      // the first intermediate is only reachable through y's graph
        WeakReference<Tensor> intermediate = new WeakReference<>(firstIntermediate(y));
        assertNotNull(intermediate.get(), "reachable while the graph is alive");
        y.backward();
        assertTrue(collected(intermediate), "an intermediate tensor is still reachable after backward()");
        assertNotNull(x.grad());
        assertNotNull(y.toString());              // y (and x) are held until here
    }

    @Test
    void withRetainGraphTheGraphStaysReachable() {
        Tensor x = Tensor.randn(new java.util.Random(1), 8, 8).requiresGrad(true);
        Tensor y = x.matmul(x).tanh().sum();
        WeakReference<Tensor> intermediate = new WeakReference<>(firstIntermediate(y));
        y.backward(null, true);
        assertNotNull(afterGc(intermediate, 3), "the retained graph must keep its tensors");
        y.backward();
        assertTrue(collected(intermediate));
        assertNotNull(y.toString());
    }

    @Test
    void gradientsOfLeavesDoNotKeepTheGraphAlive() {
        List<WeakReference<Tensor>> refs = new ArrayList<>();
        Tensor w = Tensor.ones(4, 4).requiresGrad(true);
        for (int step = 0; step < 3; step++) {
            Tensor h = w.mul(2).exp();
            refs.add(new WeakReference<>(h));
            h.sum().backward();
        }
        for (WeakReference<Tensor> r : refs) {
            assertTrue(collected(r), "a leaf's gradient (or the grad mode) holds on to an old graph");
        }
        assertNull(w.grad().node, "accumulated gradients are plain values");
        assertEquals(3 * 2 * Math.exp(2), w.grad().toDoubleArray()[0], 1e-9);
    }

    /** The output of the first op in a chain: found through the graph, so the test holds no reference of its own. */
    private static Tensor firstIntermediate(Tensor y) {
        Tensor t = y;
        while (t.node != null && t.node.inputs[0].node != null) {
            t = t.node.inputs[0];
        }
        return t;
    }

    /** Whether the referent goes within 50 rounds of GC (one usually suffices; the rest absorbs a busy machine). */
    private static boolean collected(WeakReference<?> ref) {
        return afterGc(ref, 50) == null;
    }

    private static <T> T afterGc(WeakReference<T> ref, int rounds) {
        for (int i = 0; i < rounds && ref.get() != null; i++) {
            System.gc();
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return ref.get();
    }
}
