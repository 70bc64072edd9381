package org.autograd4j.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.BinaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Rules where autograd4j answered differently from PyTorch (found by differential testing, issue 11): dtype promotion
 * with 0-d tensors, ops that returned their input object, ties in a full max()/min(), setGrad of another dtype.
 */
class PyTorchRulesTest {
    private static final Tensor F32 = Tensor.of(new float[] {0.1f, 2.5f});
    private static final Tensor F64_SCALAR = Tensor.scalar(0.1);

    /** Every binary op: a FLOAT64 0-d tensor beside a FLOAT32 tensor with dimensions gives FLOAT32, both ways. */
    @Test
    void aZeroDimTensorDoesNotDecideTheTypeBesideATensorWithDimensions() {
        List<BinaryOperator<Tensor>> ops = List.of(Tensor::add, Tensor::sub, Tensor::mul, Tensor::div, Tensor::maximum,
                Tensor::minimum, Tensor::pow, Tensor::gt, Tensor::ge, Tensor::lt, Tensor::le, Tensor::eq,
                (a, b) -> Tensor.where(Tensor.of(new double[] {1, 0}), a, b),
                (a, b) -> Tensor.where(Tensor.scalar(1), a, b));
        for (BinaryOperator<Tensor> op : ops) {
            assertEquals(DType.FLOAT32, op.apply(F32, F64_SCALAR).dtype());
            assertEquals(DType.FLOAT32, op.apply(F64_SCALAR, F32).dtype());
            // two 0-d tensors, or two with dimensions: promotion as before
            assertEquals(DType.FLOAT64, op.apply(Tensor.scalar(0.5, DType.FLOAT32), F64_SCALAR).dtype());
            assertEquals(DType.FLOAT64, op.apply(F32, Tensor.of(new double[] {1})).dtype());
            assertEquals(DType.FLOAT32, op.apply(F32, Tensor.scalar(0.5, DType.FLOAT32)).dtype());
        }
        assertEquals(DType.FLOAT64, Tensor.stack(List.of(Tensor.scalar(1, DType.FLOAT32), F64_SCALAR), 0).dtype());
        assertEquals(DType.FLOAT64, Tensor.concat(List.of(F32, Tensor.of(new double[] {1})), 0).dtype());
        assertEquals(DType.FLOAT32, Tensor.concat(List.of(F32, F32), 0).dtype());
    }

    /** The 0-d operand is rounded to float first, as PyTorch computes: 0.1f > (float) 0.1 is false. */
    @Test
    void theOutrankedOperandIsRoundedToTheResultTypeFirst() {
        assertArrayEquals(new float[] {0, 1}, F32.gt(F64_SCALAR).toFloatArray());
        assertArrayEquals(new float[] {0.1f * 0.1f, 2.5f * 0.1f}, F32.mul(F64_SCALAR).toFloatArray());
        assertArrayEquals(new float[] {0.1f + 0.1f, 2.5f + 0.1f}, F64_SCALAR.add(F32).toFloatArray());
    }

    @Test
    void gradientsKeepEachInputsType() {
        Tensor x = Tensor.of(new float[] {1, 2}).requiresGrad(true);
        Tensor s = Tensor.scalar(3.0).requiresGrad(true);
        x.mul(s).sum().backward();
        assertEquals(DType.FLOAT32, x.grad().dtype());
        assertEquals(DType.FLOAT64, s.grad().dtype());
        assertArrayEquals(new float[] {3, 3}, x.grad().toFloatArray());
        assertEquals(3.0, s.grad().item());
    }

    /** broadcastTo to the same shape, a full-range slice and the transpose of a vector are new tensors (views). */
    @Test
    void opsThatChangeNothingStillReturnANewTensor() {
        Tensor x = Tensor.of(new double[] {1, 2, 3, 4}, 2, 2).requiresGrad(true);
        List<Tensor> results = List.of(x.broadcastTo(2, 2), x.slice(1, 0, 2), x.slice(0, 0, 2),
                x.reshape(4).transpose());
        for (Tensor y : results) {
            assertNotSame(x, y);
            assertFalse(y.isLeaf());
            Tensor loss = y.mul(y).sum();
            Tensor g = Autograd.grad(loss, List.of(y), false).get(0);
            assertArrayEquals(new double[] {2, 4, 6, 8}, g.toDoubleArray(), 1e-12);
            assertThrows(IllegalStateException.class, () -> y.requiresGrad(false));
        }
        Tensor v = Tensor.of(new double[] {1, 2});
        assertNotSame(v, v.transpose());
        Tensor y = x.broadcastTo(2, 2);
        y.mul(3).sum().backward();
        assertArrayEquals(new double[] {3, 3, 3, 3}, x.grad().toDoubleArray());
        assertTrue(x.requiresGrad());
        Tensor plain = Tensor.of(new double[] {1, 2});
        Tensor view = plain.broadcastTo(2);
        assertNotSame(plain, view);
        view.requiresGrad(true);
        assertFalse(plain.requiresGrad());
    }

    @Test
    void aFullMaxOrMinSharesTheGradientAmongTies() {
        Tensor x = Tensor.of(new double[] {1, 3, 3, -2, 3, 0.5}, 2, 3).requiresGrad(true);
        x.max().backward();
        assertArrayEquals(new double[] {0, 1.0 / 3, 1.0 / 3, 0, 1.0 / 3, 0}, x.grad().toDoubleArray(), 1e-15);
        x.zeroGrad();
        x.min().mul(2).backward();
        assertArrayEquals(new double[] {0, 0, 0, 2, 0, 0}, x.grad().toDoubleArray());
        Tensor f = Tensor.of(new float[] {2, 2}).requiresGrad(true);
        f.min().backward();
        assertArrayEquals(new float[] {0.5f, 0.5f}, f.grad().toFloatArray());
        // along an axis one index takes it, as PyTorch's max(dim)
        x.zeroGrad();
        x.max(1, false).sum().backward();
        assertArrayEquals(new double[] {0, 1, 0, 0, 1, 0}, x.grad().toDoubleArray());
        // NaN is the extreme; the NaNs share the gradient
        Tensor n = Tensor.of(new double[] {Double.NaN, 1, Double.NaN}).requiresGrad(true);
        assertTrue(Double.isNaN(n.max().item()));
        n.max().backward();
        assertArrayEquals(new double[] {0.5, 0, 0.5}, n.grad().toDoubleArray());
        assertEquals("MaxBackward", x.max().gradFn());
        assertEquals(0.5, Tensor.scalar(0.5).max().item());
    }

    @Test
    void setGradOfAnotherDtypeIsRefused() {
        Tensor x = Tensor.of(new double[] {1, 2}).requiresGrad(true);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> x.setGrad(Tensor.of(new float[] {1, 1})));
        assertEquals("setGrad: gradient is FLOAT32 but the tensor is FLOAT64; convert it with to(DType.FLOAT64)",
                e.getMessage());
        x.setGrad(Tensor.of(new double[] {1, 1}));
        assertEquals(2.0, x.grad().sum().item());
    }
}
