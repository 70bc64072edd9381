package org.autograd4j.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * {@link MultiOutputFunction}: what the backward receives for used and unused outputs (as PyTorch 2.13 gives it),
 * recording, dtypes, version checks, and the errors for a forward or backward that returns the wrong thing.
 */
class MultiOutputFunctionTest {

    /** {@code (2x, 3x)}, keeping the gradients its backward receives; its gradients come from {@code grads}. */
    static class Pair extends MultiOutputFunction {
        final List<Tensor[]> received = new ArrayList<>();
        private final boolean materialize;
        private final UnaryOperator<Tensor[]> grads;

        Pair(boolean materialize, UnaryOperator<Tensor[]> grads) {
            this.materialize = materialize;
            this.grads = grads;
        }

        Pair() {
            this(true, g -> new Tensor[] {g[0].mul(2).add(g[1].mul(3))});
        }

        @Override
        protected Tensor[] forward(Function.Context ctx, Tensor... in) {
            ctx.setMaterializeGrads(materialize);
            return new Tensor[] {in[0].mul(2), in[0].mul(3)};
        }

        @Override
        protected Tensor[] backward(Function.Context ctx, Tensor... gradOuts) {
            received.add(gradOuts.clone());
            return grads.apply(gradOuts);
        }
    }

    private static Tensor leaf() {
        return Tensor.of(new double[] {1, -2}).requiresGrad(true);
    }

    @Test
    void everyOutputIsRecordedUnderTheUsersClassName() {
        List<Tensor> ab = new Pair().apply(leaf());
        assertEquals(2, ab.size());
        for (Tensor t : ab) {
            assertEquals("PairBackward", t.gradFn());
            assertTrue(t.requiresGrad());
            assertFalse(t.isLeaf());
        }
        assertArrayEquals(new double[] {2, -4}, ab.get(0).toDoubleArray(), 0);
        assertArrayEquals(new double[] {3, -6}, ab.get(1).toDoubleArray(), 0);
        assertThrows(UnsupportedOperationException.class, () -> ab.set(0, null));
        String dot = Graphs.toDot(ab.get(0).add(ab.get(1)));
        assertTrue(dot.contains("PairBackward\\n[2] FLOAT64") && dot.contains("PairBackward\\n[4] FLOAT64"), dot);
    }

    /** PyTorch 2.13: {@code a, b = M.apply(x); a.sum().backward()} calls backward with {@code (ones, zeros)}. */
    @Test
    void anOutputTheLossDoesNotUseGetsZeros() {
        Tensor x = leaf();
        Pair f = new Pair();
        f.apply(x).get(0).sum().backward();
        assertArrayEquals(new double[] {2, 2}, x.grad().toDoubleArray(), 0);
        Tensor[] got = f.received.get(0);
        assertArrayEquals(new double[] {1, 1}, got[0].toDoubleArray(), 0);
        assertArrayEquals(new double[] {0, 0}, got[1].toDoubleArray(), 0);
        assertArrayEquals(new long[] {2}, got[1].shape());
    }

    /** PyTorch 2.13 with {@code ctx.set_materialize_grads(False)}: the unused output's gradient is None. */
    @Test
    void withoutMaterializedGradsAnUnusedOutputGetsNull() {
        Tensor x = leaf();
        Pair f = new Pair(false, g -> new Tensor[] {g[1].mul(3)});
        f.apply(x).get(1).sum().backward();
        assertNull(f.received.get(0)[0]);
        assertArrayEquals(new double[] {1, 1}, f.received.get(0)[1].toDoubleArray(), 0);
        assertArrayEquals(new double[] {3, 3}, x.grad().toDoubleArray(), 0);
        // Both used: both arrive, and the next walk through a retained graph starts afresh.
        Tensor y = leaf();
        Pair g = new Pair(false, gs -> new Tensor[] {gs[0] == null ? gs[1].mul(3) : gs[0].mul(2).add(gs[1].mul(3))});
        List<Tensor> ab = g.apply(y);
        ab.get(0).add(ab.get(1)).sum().backward(null, true);
        assertArrayEquals(new double[] {5, 5}, y.grad().toDoubleArray(), 0);
        ab.get(1).sum().backward();
        assertNull(g.received.get(1)[0]);
        assertArrayEquals(new double[] {8, 8}, y.grad().toDoubleArray(), 0);
    }

    @Test
    void outputsOfDifferentDtypesGetGradientsOfTheirOwn() {
        Tensor x = leaf();
        Pair f = new Pair(true, g -> new Tensor[] {g[0].to(DType.FLOAT64).mul(2).add(g[1].mul(3))}) {
            @Override
            protected Tensor[] forward(Function.Context ctx, Tensor... in) {
                return new Tensor[] {in[0].mul(2).to(DType.FLOAT32), in[0].mul(3)};
            }
        };
        List<Tensor> ab = f.apply(x);
        assertEquals(DType.FLOAT32, ab.get(0).dtype());
        ab.get(0).sum().to(DType.FLOAT64).add(ab.get(1).sum()).backward();
        assertEquals(DType.FLOAT32, f.received.get(0)[0].dtype());
        assertEquals(DType.FLOAT64, f.received.get(0)[1].dtype());
        assertArrayEquals(new double[] {5, 5}, x.grad().toDoubleArray(), 0);
    }

    /**
     * PyTorch 2.13: {@code v, i = M.apply(x)} with {@code i} an int64 index (as {@code x.max(0)}): {@code i} does not
     * require a gradient, and backward receives an int64 zero for it.
     */
    @Test
    void anInt64OutputIsNotRecordedAndGetsZeros() {
        Tensor x = Tensor.of(new double[] {1, 3, 2}).requiresGrad(true);
        Pair f = new Pair(true, g -> new Tensor[] {Tensor.of(new double[] {0, 1, 0}).mul(g[0])}) {
            @Override
            protected Tensor[] forward(Function.Context ctx, Tensor... in) {
                return new Tensor[] {in[0].max(), in[0].argmax(0)};
            }
        };
        List<Tensor> vi = f.apply(x);
        assertTrue(vi.get(0).requiresGrad());
        assertFalse(vi.get(1).requiresGrad());
        assertNull(vi.get(1).gradFn());
        assertEquals(DType.INT64, vi.get(1).dtype());
        vi.get(0).backward();
        assertArrayEquals(new double[] {0, 1, 0}, x.grad().toDoubleArray(), 0);
        Tensor gi = f.received.get(0)[1];
        assertEquals(DType.INT64, gi.dtype());
        assertEquals(0.0, gi.item(), 0);
    }

    @Test
    void noGradRecordsNothing() {
        Tensor x = leaf();
        try (var scope = Autograd.noGrad()) {
            for (Tensor t : new Pair().apply(x)) {
                assertFalse(t.requiresGrad());
                assertNull(t.gradFn());
            }
        }
    }

    @Test
    void anInputOrAnOutputReturnedTwiceIsRecordedAsViews() {
        Tensor x = leaf();
        Pair f = new Pair(true, g -> new Tensor[] {g[0].add(g[1]).add(g[2])}) {
            @Override
            protected Tensor[] forward(Function.Context ctx, Tensor... in) {
                Tensor twice = in[0].mul(1);
                return new Tensor[] {in[0], twice, twice};
            }
        };
        List<Tensor> out = f.apply(x);
        assertTrue(x.isLeaf());
        assertNotSame(out.get(1), out.get(2));
        out.get(0).add(out.get(1)).add(out.get(2)).sum().backward();
        assertArrayEquals(new double[] {3, 3}, x.grad().toDoubleArray(), 0);
    }

    @Test
    void aWrittenSavedOutputFailsTheBackward() {
        Tensor x = leaf();
        List<Tensor> es = new MultiOutputFunctionProperties.ExpSquare().apply(x);
        es.get(0).array()[0] = 0;
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> es.get(1).sum().backward());
        assertTrue(e.getMessage().startsWith("backward: one of the variables needed for gradient computation has"
                + " been modified by an inplace operation: saved tensor 1 of ExpSquareBackward"), e.getMessage());
    }

    @Test
    void aSecondBackwardThroughAReleasedGraphFails() {
        List<Tensor> sc = new MultiOutputFunctionProperties.SinCos().apply(leaf());
        sc.get(0).sum().backward();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> sc.get(1).sum().backward());
        assertTrue(e.getMessage().contains("released"), e.getMessage());
    }

    @Test
    void secondDerivativeThroughAutogradGrad() {
        Tensor x = Tensor.of(new double[] {0.5, -1}).requiresGrad(true);
        List<Tensor> sc = new MultiOutputFunctionProperties.SinCos().apply(x);
        Tensor dx = Autograd.grad(sc.get(0).add(sc.get(1)).sum(), List.of(x), true).get(0);
        Tensor d2x = Autograd.grad(dx.sum(), List.of(x), false).get(0);
        double[] v = x.toDoubleArray();
        for (int i = 0; i < v.length; i++) {
            assertEquals(Math.cos(v[i]) - Math.sin(v[i]), dx.toDoubleArray()[i], 1e-12);
            assertEquals(-Math.sin(v[i]) - Math.cos(v[i]), d2x.toDoubleArray()[i], 1e-12);
        }
    }

    @Test
    void badForwards() {
        assertEquals("ReturningBackward: forward returned null; it must return at least one output tensor",
                assertThrows(IllegalArgumentException.class, () -> returning(null).apply(leaf())).getMessage());
        assertEquals("ReturningBackward: forward returned no outputs; it must return at least one output tensor",
                assertThrows(IllegalArgumentException.class, () -> returning(new Tensor[0]).apply(leaf()))
                        .getMessage());
        assertEquals("ReturningBackward: forward returned null as output 1 of 2; every output must be a tensor",
                assertThrows(IllegalArgumentException.class,
                        () -> returning(new Tensor[] {Tensor.ones(1), null}).apply(leaf())).getMessage());
        assertEquals("PairBackward: apply needs at least one input tensor",
                assertThrows(IllegalArgumentException.class, () -> new Pair().apply()).getMessage());
        assertEquals("PairBackward: input 0 is null",
                assertThrows(IllegalArgumentException.class, () -> new Pair().apply((Tensor) null)).getMessage());
    }

    private static Returning returning(Tensor[] outs) {
        return new Returning(outs);
    }

    /** A forward that returns what it was built with. */
    static final class Returning extends MultiOutputFunction {
        private final Tensor[] outs;

        Returning(Tensor[] outs) {
            this.outs = outs;
        }

        @Override
        protected Tensor[] forward(Function.Context ctx, Tensor... in) {
            return outs;
        }

        @Override
        protected Tensor[] backward(Function.Context ctx, Tensor... gradOuts) {
            return gradOuts;
        }
    }

    @Test
    void badBackwards() {
        List<Tensor> ab = new Pair(true, g -> new Tensor[] {g[0], g[1]}).apply(leaf());
        assertEquals("PairBackward: backward returned 2 gradients but the function has 1 inputs; return one entry"
                + " per input, null where no gradient flows",
                assertThrows(IllegalStateException.class, () -> ab.get(0).sum().backward()).getMessage());
        List<Tensor> cd = new Pair(true, g -> new Tensor[] {Tensor.ones(3)}).apply(leaf());
        assertEquals("PairBackward: backward returned a gradient of shape [3] for input 0, which has shape [2];"
                + " expected that shape or one it broadcasts to (summed back to it)",
                assertThrows(IllegalStateException.class, () -> cd.get(1).sum().backward()).getMessage());
        List<Tensor> ef = new Pair(true, g -> new Tensor[] {g[0].to(DType.FLOAT32)}).apply(leaf());
        assertEquals("PairBackward: backward returned a FLOAT32 gradient for input 0, which is FLOAT64",
                assertThrows(IllegalStateException.class, () -> ef.get(0).sum().backward()).getMessage());
    }

    @Test
    void aGradientOfTheBroadcastShapeIsSummedBack() {
        Tensor x = Tensor.of(new double[] {1, 2, 3}).requiresGrad(true);
        Tensor y = Tensor.of(new double[] {10, 20}).reshape(2, 1).requiresGrad(true);
        List<Tensor> sp = new MultiOutputFunctionProperties.SumProduct().apply(x, y);
        assertArrayEquals(new long[] {2, 3}, sp.get(1).shape());
        sp.get(1).sum().backward();
        assertArrayEquals(new double[] {30, 30, 30}, x.grad().toDoubleArray(), 0);
        assertArrayEquals(new double[] {6, 6}, y.grad().toDoubleArray(), 0);
        assertTrue(Arrays.equals(new long[] {2, 1}, y.grad().shape()));
    }
}
