package org.autograd4j.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The public API that issue 2 lists as a contract, called exactly as written there: if a name or a signature changes,
 * this file stops compiling. Each call also checks one fact about its result, so the calls are not dead code.
 */
class ApiContractTest {
    @Test
    void creation() {
        assertEquals(DType.FLOAT64, Tensor.of(new double[] {1, 2, 3, 4}, 2, 2).dtype());
        assertArrayEquals(new long[] {3}, Tensor.of(new double[] {1, 2, 3}).shape());
        assertEquals(DType.FLOAT32, Tensor.of(new float[] {1, 2}, 2).dtype());
        assertArrayEquals(new long[] {2, 1}, Tensor.of(new double[][] {{1}, {2}}).shape());
        assertEquals(0, Tensor.scalar(2.5).rank());
        assertEquals(0.0, Tensor.zeros(2, 3).sum().item());
        assertEquals(6.0, Tensor.ones(2, 3).sum().item());
        assertEquals(14.0, Tensor.full(7.0, 2).sum().item());
        assertEquals(3.0, Tensor.arange(3).sum().item());
        assertEquals(3.0, Tensor.eye(3).sum().item());
        assertEquals(6, Tensor.rand(new Random(1), 2, 3).size());
        assertEquals(6, Tensor.randn(new Random(1), 2, 3).size());
    }

    @Test
    void autogradState() {
        Tensor x = Tensor.of(new double[] {1, 2}).requiresGrad(true);
        assertTrue(x.requiresGrad());
        assertTrue(x.isLeaf());
        Tensor y = x.mul(x).sum();
        assertFalse(y.isLeaf());
        y.backward();
        assertArrayEquals(new double[] {2, 4}, x.grad().toDoubleArray());
        x.zeroGrad();
        assertNull(x.grad());
        x.mul(3).sum().backward(Tensor.scalar(1.0));
        x.mul(3).backward(Tensor.ones(2), true);
        assertArrayEquals(new double[] {6, 6}, x.grad().toDoubleArray());
        assertFalse(x.detach().requiresGrad());
    }

    @Test
    void elementwise() {
        Tensor a = Tensor.of(new double[] {0.5, 1.5});
        Tensor b = Tensor.of(new double[] {2, 4});
        assertEquals(10.0, a.add(b).add(1.0).sum().item());
        assertEquals(-4.0, a.sub(b).sub(0.0).sum().item());
        assertEquals(7.0, a.mul(b).mul(1.0).sum().item());
        assertEquals(0.625, a.div(b).div(1.0).sum().item());
        assertEquals(-2.0, a.neg().sum().item());
        assertEquals(2.5, a.pow(2.0).sum().item());
        double[] all = a.exp().log().sqrt().abs().tanh().sigmoid().relu().leakyRelu(0.1).softplus().clamp(0, 10)
                .toDoubleArray();
        assertEquals(2, all.length);
        assertArrayEquals(new double[] {2, 4}, a.maximum(b).toDoubleArray());
        assertArrayEquals(new double[] {0.5, 1.5}, a.minimum(b).toDoubleArray());
        Tensor mask = Tensor.of(new double[] {1, 0});
        assertArrayEquals(new double[] {0.5, 4}, a.where(mask, b).toDoubleArray());
        assertArrayEquals(new double[] {0.5, 4}, Tensor.where(mask, a, b).toDoubleArray());
        assertArrayEquals(new double[] {0, 1}, a.gt(1.0).toDoubleArray());
        assertArrayEquals(new double[] {0, 0}, a.ge(b).toDoubleArray());
        assertArrayEquals(new double[] {1, 0}, a.lt(1.0).toDoubleArray());
        assertArrayEquals(new double[] {1, 1}, a.le(b).toDoubleArray());
        assertArrayEquals(new double[] {0, 1}, a.eq(1.5).toDoubleArray());
    }

    @Test
    void shapesAndReductions() {
        Tensor m = Tensor.of(new double[] {1, 2, 3, 4, 5, 6}, 2, 3);
        assertArrayEquals(new long[] {2, 2}, m.matmul(m.transpose()).shape());
        assertArrayEquals(new long[] {3, 2}, m.transpose(0, 1).shape());
        assertArrayEquals(new long[] {3, 2}, m.reshape(3, -1).shape());
        assertArrayEquals(new long[] {6}, m.flatten().shape());
        assertArrayEquals(new long[] {2, 3}, m.unsqueeze(0).squeeze(0).shape());
        assertArrayEquals(new long[] {4, 2, 3}, m.broadcastTo(4, 2, 3).shape());
        assertArrayEquals(new long[] {4, 3}, Tensor.concat(List.of(m, m), 0).shape());
        assertArrayEquals(new long[] {2, 2, 3}, Tensor.stack(List.of(m, m), 0).shape());
        assertArrayEquals(new long[] {2, 2}, m.slice(1, 1, 3).shape());
        assertArrayEquals(new double[] {4, 5, 6, 1, 2, 3}, m.index(new long[] {1, 0}).toDoubleArray());
        assertArrayEquals(new double[] {3, 4}, m.gather(1, Tensor.of(new double[] {2, 0}, 2, 1)).toDoubleArray());
        assertEquals(21.0, m.sum().item());
        assertArrayEquals(new double[] {5, 7, 9}, m.sum(0, false).toDoubleArray());
        assertEquals(3.5, m.mean().item());
        assertArrayEquals(new long[] {2, 1}, m.mean(1, true).shape());
        assertArrayEquals(new double[] {3, 6}, m.max(1, false).toDoubleArray());
        assertArrayEquals(new double[] {1, 4}, m.min(1, false).toDoubleArray());
        assertArrayEquals(new double[] {2, 2}, m.argmax(1).toDoubleArray());
        assertArrayEquals(new long[] {2, 1}, m.logSumExp(1, true).shape());
        assertEquals(2.0, m.softmax(1).sum().item(), 1e-12);
        assertArrayEquals(new long[] {2, 3}, m.logSoftmax(1).shape());
    }

    @Test
    void valuesAndFunctionalApi() {
        Tensor m = Tensor.of(new double[] {1, 2}, 2);
        assertEquals(1, m.rank());
        assertEquals(2, m.size());
        assertEquals(DType.FLOAT32, m.to(DType.FLOAT32).dtype());
        assertArrayEquals(new float[] {1, 2}, m.toFloatArray());
        assertTrue(m.toString().startsWith("tensor("));

        Tensor x = Tensor.scalar(3.0).requiresGrad(true);
        List<Tensor> g = Autograd.grad(x.pow(2), List.of(x), true);
        assertEquals(6.0, g.get(0).item());
        try (var scope = Autograd.noGrad()) {
            assertFalse(x.mul(2).requiresGrad());
        }
        assertTrue(GradCheck.check(in -> in.get(0).pow(3), List.of(x)).passed());
        assertTrue(GradCheck.checkSecondOrder(in -> in.get(0).pow(3), List.of(x)).passed());
    }
}
