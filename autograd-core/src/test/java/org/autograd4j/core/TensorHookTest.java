package org.autograd4j.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link Tensor#registerHook}: hooks see and replace gradients during backward, and their handles remove them. */
class TensorHookTest {

    @Test
    void aLeafHookSeesTheSummedGradientBeforeAccumulation() {
        Tensor x = Tensor.of(new double[] {1, 2}).requiresGrad(true);
        List<double[]> seen = new ArrayList<>();
        x.registerHook(g -> {
            seen.add(g.toDoubleArray());
            return g.mul(10);
        });
        x.mul(3).add(x).sum().backward();                    // used twice: the hook runs once, on 3 + 1
        assertEquals(1, seen.size());
        assertArrayEquals(new double[] {4, 4}, seen.get(0), 0);
        assertArrayEquals(new double[] {40, 40}, x.grad().toDoubleArray(), 0);
    }

    @Test
    void anIntermediateHookChangesWhatFlowsOn() {
        Tensor x = Tensor.of(new double[] {1, 2}).requiresGrad(true);
        Tensor y = x.mul(x);
        y.registerHook(g -> g.mul(0.5));
        y.sum().backward();
        assertArrayEquals(new double[] {1, 2}, x.grad().toDoubleArray(), 0);   // 0.5 · 2x
    }

    @Test
    void hooksRunInOrderAndNullKeepsTheGradient() {
        Tensor x = Tensor.scalar(1).requiresGrad(true);
        List<String> order = new ArrayList<>();
        x.registerHook(g -> {
            order.add("first");
            return null;
        });
        x.registerHook(g -> {
            order.add("second");
            return g.add(1);
        });
        x.mul(2).backward();
        assertEquals(List.of("first", "second"), order);
        assertEquals(3.0, x.grad().item());
    }

    @Test
    void removedHooksDoNotRun() {
        Tensor x = Tensor.scalar(1).requiresGrad(true);
        HookHandle h = x.registerHook(g -> g.mul(100));
        h.remove();
        h.remove();
        x.mul(2).backward();
        assertEquals(2.0, x.grad().item());
    }

    @Test
    void hooksRunForAutogradGradAndUnderCreateGraph() {
        Tensor x = Tensor.scalar(3).requiresGrad(true);
        Tensor y = x.pow(3);
        y.registerHook(g -> g.mul(2));
        Tensor dx = Autograd.grad(y, List.of(x), true).get(0);                // 2 · 3x² = 54
        assertEquals(54.0, dx.item(), 1e-12);
        assertEquals(36.0, Autograd.grad(dx, List.of(x), false).get(0).item(), 1e-12);   // 12x
    }

    @Test
    void aLeafNeverOwnsTheArrayAHookReturned() {
        Tensor x = Tensor.of(new double[] {1, 2}).requiresGrad(true);
        Tensor fixed = Tensor.of(new double[] {5, 5});
        x.registerHook(g -> fixed);
        x.mul(2).sum().backward();
        x.grad().array()[0] = 0;                                          // as an optimizer or clipping would
        assertArrayEquals(new double[] {5, 5}, fixed.toDoubleArray(), 0);
    }

    @Test
    void errors() {
        Tensor plain = Tensor.of(new double[] {1, 2});
        assertEquals("registerHook: cannot register a hook on a tensor that does not require a gradient (shape [2])",
                assertThrows(IllegalStateException.class, () -> plain.registerHook(g -> g)).getMessage());
        Tensor x = Tensor.of(new double[] {1, 2}).requiresGrad(true);
        x.registerHook(Tensor::sum);
        assertEquals("registerHook: a hook returned a gradient of shape [] for a tensor of shape [2]",
                assertThrows(IllegalStateException.class, () -> x.mul(2).sum().backward()).getMessage());
    }
}
