package org.autograd4j.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link Function}: recording, grad mode, version checks, and the errors for a backward that returns the wrong thing. */
class FunctionTest {

    /** Returns whatever gradients it was built with, to provoke each error. */
    static class Broken extends Function {
        private final java.util.function.Function<Tensor, Tensor[]> grads;

        Broken(java.util.function.Function<Tensor, Tensor[]> grads) {
            this.grads = grads;
        }

        @Override
        protected Tensor forward(Context ctx, Tensor... in) {
            ctx.saveForBackward(in[0]);
            return in[0].mul(2);
        }

        @Override
        protected Tensor[] backward(Context ctx, Tensor gradOut) {
            return grads.apply(gradOut);
        }
    }

    private static Tensor leaf() {
        return Tensor.of(new double[] {1, -2, 3}).requiresGrad(true);
    }

    @Test
    void recordsUnderTheUsersClassName() {
        Tensor y = new FunctionProperties.Cube().apply(leaf());
        assertEquals("CubeBackward", y.gradFn());
        assertTrue(y.requiresGrad());
        assertFalse(y.isLeaf());
    }

    @Test
    void backwardGivesTheUsersGradient() {
        Tensor x = leaf();
        new FunctionProperties.Cube().apply(x).sum().backward();
        assertArrayEquals(new double[] {3, 12, 27}, x.grad().toDoubleArray(), 0);
    }

    @Test
    void noGradRecordsNothing() {
        Tensor x = leaf();
        try (var scope = Autograd.noGrad()) {
            Tensor y = new FunctionProperties.Cube().apply(x);
            assertFalse(y.requiresGrad());
            assertNull(y.gradFn());
        }
        Tensor plain = new FunctionProperties.Cube().apply(Tensor.of(new double[] {2}));
        assertNull(plain.gradFn());
    }

    @Test
    void forwardIsNotRecorded() {
        Tensor x = leaf();
        Tensor[] inside = new Tensor[1];
        new Function() {
            @Override
            protected Tensor forward(Context ctx, Tensor... in) {
                inside[0] = in[0].exp();
                return inside[0].mul(1);
            }

            @Override
            protected Tensor[] backward(Context ctx, Tensor gradOut) {
                return new Tensor[] {gradOut};
            }
        }.apply(x);
        assertNull(inside[0].gradFn());
        assertFalse(inside[0].requiresGrad());
        assertTrue(Autograd.isGradEnabled());
    }

    @Test
    void anIdentityLeavesItsInputALeaf() {
        Tensor x = leaf();
        Tensor y = new Broken(g -> new Tensor[] {g}) {
            @Override
            protected Tensor forward(Context ctx, Tensor... in) {
                return in[0];
            }
        }.apply(x);
        assertTrue(x.isLeaf());
        assertFalse(y.isLeaf());
        y.sum().backward();
        assertArrayEquals(new double[] {1, 1, 1}, x.grad().toDoubleArray(), 0);
    }

    @Test
    void aWrittenSavedTensorFailsTheBackward() {
        Tensor x = leaf();
        Tensor y = new FunctionProperties.Cube().apply(x);
        x.array()[0] = 5;
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> y.sum().backward());
        assertTrue(e.getMessage().contains("modified by an inplace operation"), e.getMessage());
        assertTrue(e.getMessage().contains("CubeBackward"), e.getMessage());
    }

    @Test
    void aWrittenSavedIntermediateFailsTheBackward() {
        Tensor x = leaf();
        Tensor y = new FunctionProperties.SavedExp().apply(x);
        y.array()[1] = 0;
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> y.sum().backward());
        assertTrue(e.getMessage().startsWith("backward: one of the variables needed for gradient computation has"
                + " been modified by an inplace operation:"), e.getMessage());
    }

    @Test
    void wrongNumberOfGradients() {
        Tensor y = new Broken(g -> new Tensor[] {g, g}).apply(leaf());
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> y.sum().backward());
        assertEquals("BrokenBackward: backward returned 2 gradients but the function has 1 inputs; return one entry"
                + " per input, null where no gradient flows", e.getMessage());
        Tensor z = new Broken(g -> null).apply(leaf());
        e = assertThrows(IllegalStateException.class, () -> z.sum().backward());
        assertTrue(e.getMessage().startsWith("BrokenBackward: backward returned null but"), e.getMessage());
    }

    @Test
    void wrongShape() {
        Tensor y = new Broken(g -> new Tensor[] {g.sum()}).apply(leaf());
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> y.sum().backward());
        assertEquals("BrokenBackward: backward returned a gradient of shape [] for input 0, which has shape [3];"
                + " expected that shape or one it broadcasts to (summed back to it)", e.getMessage());
    }

    /** As PyTorch: a gradient of a shape the input broadcasts to is summed back; any other shape is refused. */
    @Test
    void aGradientOfABroadcastShapeIsSummedBack() {
        Tensor x = leaf();
        new Broken(g -> new Tensor[] {Tensor.ones(2, 3)}).apply(x).sum().backward();
        assertArrayEquals(new double[] {2, 2, 2}, x.grad().toDoubleArray(), 0);
        Tensor column = Tensor.of(new double[] {1, 2}).reshape(2, 1).requiresGrad(true);
        new Broken(g -> new Tensor[] {Tensor.ones(2, 3)}).apply(column).sum().backward();
        assertArrayEquals(new long[] {2, 1}, column.grad().shape());
        assertArrayEquals(new double[] {3, 3}, column.grad().toDoubleArray(), 0);
        Tensor scalar = Tensor.scalar(2.0).requiresGrad(true);
        new Broken(g -> new Tensor[] {Tensor.ones(3)}).apply(scalar).backward();
        assertEquals(3.0, scalar.grad().item(), 0);
        // PyTorch refuses these too ("expected shape compatible with"): the input does not broadcast to the gradient.
        for (long[] bad : new long[][] {{1}, {4}, {1, 4}}) {
            Tensor z = new Broken(g -> new Tensor[] {Tensor.ones(bad)}).apply(leaf());
            assertThrows(IllegalStateException.class, () -> z.sum().backward(), () -> java.util.Arrays.toString(bad));
        }
        Tensor row = Tensor.ones(1, 3).requiresGrad(true);
        Tensor r = new Broken(g -> new Tensor[] {Tensor.ones(3)}).apply(row);
        assertEquals("BrokenBackward: backward returned a gradient of shape [3] for input 0, which has shape [1, 3];"
                + " expected that shape or one it broadcasts to (summed back to it)",
                assertThrows(IllegalStateException.class, () -> r.sum().backward()).getMessage());
    }

    @Test
    void wrongDtype() {
        Tensor y = new Broken(g -> new Tensor[] {g.to(DType.FLOAT32)}).apply(leaf());
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> y.sum().backward());
        assertEquals("BrokenBackward: backward returned a FLOAT32 gradient for input 0, which is FLOAT64",
                e.getMessage());
    }

    @Test
    void badApplyArguments() {
        FunctionProperties.Cube cube = new FunctionProperties.Cube();
        assertEquals("CubeBackward: apply needs at least one input tensor",
                assertThrows(IllegalArgumentException.class, cube::apply).getMessage());
        assertEquals("CubeBackward: input 0 is null",
                assertThrows(IllegalArgumentException.class, () -> cube.apply((Tensor) null)).getMessage());
        Function nothing = new Broken(g -> new Tensor[] {g}) {
            @Override
            protected Tensor forward(Context ctx, Tensor... in) {
                return null;
            }
        };
        assertTrue(assertThrows(IllegalArgumentException.class, () -> nothing.apply(leaf())).getMessage()
                .endsWith("forward returned null; it must return the output tensor"));
    }

    @Test
    void contextErrors() {
        Function.Context[] kept = new Function.Context[1];
        Tensor y = new Broken(g -> new Tensor[] {g}) {
            @Override
            protected Tensor forward(Context ctx, Tensor... in) {
                ctx.put("n", 3);
                kept[0] = ctx;
                return in[0].mul(1);
            }
        }.apply(leaf());
        assertEquals(3, kept[0].get("n", Integer.class));
        assertEquals("get: no value was put under \"m\"; keys: [n]",
                assertThrows(IllegalArgumentException.class, () -> kept[0].get("m", Integer.class)).getMessage());
        assertEquals("get: the value under \"n\" is a Integer, not a Double",
                assertThrows(IllegalArgumentException.class, () -> kept[0].get("n", Double.class)).getMessage());
        y.sum().backward();
        assertThrows(IllegalStateException.class, kept[0]::savedTensors);
        assertEquals("saveForBackward: tensor 0 is null", assertThrows(IllegalArgumentException.class,
                () -> kept[0].saveForBackward((Tensor) null)).getMessage());
    }

    @Test
    void gradCheckChecksAFunction() {
        Tensor x = Tensor.of(new double[] {0.5, -1.5, 2}).requiresGrad(true);
        GradCheck.check(in -> new FunctionProperties.Cube().apply(in.get(0)).sum(), List.of(x)).orThrow();
        GradCheck.Result wrong = GradCheck.check(in -> new Broken(g -> new Tensor[] {g}).apply(in.get(0)).sum(),
                List.of(x));
        assertFalse(wrong.passed());
    }
}
