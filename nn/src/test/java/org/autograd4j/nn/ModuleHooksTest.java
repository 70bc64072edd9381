package org.autograd4j.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.autograd4j.core.HookHandle;
import org.autograd4j.core.Tensor;
import org.junit.jupiter.api.Test;

/** Module forward, forward-pre and full backward hooks, through {@link Module#apply} and containers. */
class ModuleHooksTest {

    private static Linear layer() {
        Linear l = new Linear(2, 1);
        l.namedParameters().get("weight").array()[0] = 2;
        l.namedParameters().get("weight").array()[1] = -1;
        l.namedParameters().get("bias").array()[0] = 0.5;
        return l;
    }

    @Test
    void forwardHooksSeeAndReplaceInSequentialOrder() {
        Linear first = layer();
        Sequential net = new Sequential(first, new ReLU());
        List<String> seen = new ArrayList<>();
        HookHandle pre = first.registerForwardPreHook((m, x) -> {
            seen.add("pre " + java.util.Arrays.toString(x.shape()));
            return x.mul(2);
        });
        HookHandle post = first.registerForwardHook((m, x, y) -> {
            seen.add("post " + y.item());
            return null;
        });
        Tensor out = net.apply(Tensor.of(new double[] {1, 1}, 1, 2));      // (2·2 - 1·2) + 0.5
        assertEquals(List.of("pre [1, 2]", "post 2.5"), seen);
        assertEquals(2.5, out.item(), 1e-12);
        pre.remove();
        post.remove();
        assertEquals(1.5, net.apply(Tensor.of(new double[] {1, 1}, 1, 2)).item(), 1e-12);
        assertEquals(2, seen.size());
    }

    @Test
    void forwardCalledDirectlySkipsTheHooks() {
        Linear l = layer();
        l.registerForwardHook((m, x, y) -> y.mul(0));
        assertEquals(1.5, l.forward(Tensor.of(new double[] {1, 1}, 1, 2)).item(), 1e-12);
        assertEquals(0.0, l.apply(Tensor.of(new double[] {1, 1}, 1, 2)).item(), 1e-12);
    }

    /** As PyTorch's {@code torch.func.functional_call}, which calls {@code module(x)}: hooks run, inner ones too. */
    @Test
    void functionalCallRunsTheHooks() {
        Linear first = layer();
        Sequential net = new Sequential(first, new ReLU());
        List<String> seen = new ArrayList<>();
        net.registerForwardPreHook((m, x) -> {
            seen.add("pre outer");
            return null;
        });
        first.registerForwardHook((m, x, y) -> {
            seen.add("post inner " + y.item());
            return y.mul(10);
        });
        Tensor w = Tensor.of(new double[] {2, -1}, 2, 1).requiresGrad(true);
        Tensor out = Functional.call(net, java.util.Map.of("0.weight", w), Tensor.of(new double[] {1, 1}, 1, 2));
        assertEquals(List.of("pre outer", "post inner 1.5"), seen);
        assertEquals(15.0, out.item(), 1e-12);
        out.backward();
        assertArrayEquals(new double[] {10, 10}, w.grad().toDoubleArray(), 0);
    }

    /** As torchinfo, which calls {@code model(x)}: a summary runs the user's hooks, and shows what they return. */
    @Test
    void summaryRunsTheHooks() {
        Linear first = layer();
        Sequential net = new Sequential(first, new ReLU());
        List<String> seen = new ArrayList<>();
        net.registerForwardHook((m, x, y) -> {
            seen.add("outer " + java.util.Arrays.toString(y.shape()));
            return null;
        });
        first.registerForwardHook((m, x, y) -> y.reshape(-1));
        String table = net.summary(2);
        assertEquals(List.of("outer [1]", "outer [2]"), seen);
        assertEquals("0 (Linear) [-1] 3", table.lines().skip(2).findFirst().orElseThrow().replaceAll(" +", " ").trim());
        assertEquals(1, first.apply(Tensor.of(new double[] {1, 1}, 1, 2)).rank(), "the summary's own hook is gone");
    }

    @Test
    void fullBackwardHookSeesBothGradientsAndMayReplaceTheInputs() {
        Linear l = layer();
        Tensor[] grads = new Tensor[2];
        l.registerFullBackwardHook((m, gin, gout) -> {
            assertSame(l, m);
            grads[0] = gin;
            grads[1] = gout;
            return gin.mul(10);
        });
        Tensor x = Tensor.of(new double[] {1, 3}, 1, 2).requiresGrad(true);
        l.apply(x).mul(3).sum().backward();
        assertArrayEquals(new double[] {3}, grads[1].toDoubleArray(), 0);
        assertArrayEquals(new double[] {6, -3}, grads[0].toDoubleArray(), 0);
        assertArrayEquals(new double[] {60, -30}, x.grad().toDoubleArray(), 0);
        assertArrayEquals(new double[] {3, 9}, l.namedParameters().get("weight").grad().toDoubleArray(), 0);
    }

    @Test
    void fullBackwardHookOnAFirstLayerGetsANullInputGradient() {
        Linear l = layer();
        Tensor[] grads = {Tensor.scalar(-1), null};
        l.registerFullBackwardHook((m, gin, gout) -> {
            grads[0] = gin;
            grads[1] = gout;
            return null;
        });
        l.apply(Tensor.of(new double[] {1, 3}, 1, 2)).sum().backward();
        assertNull(grads[0]);
        assertArrayEquals(new double[] {1}, grads[1].toDoubleArray(), 0);
    }

    @Test
    void backwardHookOfTheWrongShapeIsAnError() {
        Linear l = layer();
        l.registerFullBackwardHook((m, gin, gout) -> gin.sum());
        Tensor x = Tensor.of(new double[] {1, 3}, 1, 2).requiresGrad(true);
        Tensor y = l.apply(x).sum();
        assertEquals("Linear: a backward hook returned a gradient of shape [] for an input of shape [1, 2]",
                assertThrows(IllegalStateException.class, y::backward).getMessage());
        assertEquals("register hook: the hook must not be null",
                assertThrows(IllegalArgumentException.class, () -> l.registerForwardHook(null)).getMessage());
    }
}
