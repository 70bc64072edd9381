package org.autograd4j.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * INT64 (see {@link DType}, "INT64 note"): creation, conversion, printing, PyTorch's promotion between categories,
 * argmax's type, and indices of that type in the indexing ops. The messages of its errors are in
 * {@link Int64ErrorMessagesTest}; the equivalence with float-valued indices, in {@link Int64IndexProperties}.
 */
class Int64Test {
    private static final Tensor I = Tensor.of(new long[] {1, -2, 3});
    private static final Tensor F64 = Tensor.of(new double[] {0.5, 0.5, 0.5});
    private static final Tensor F32 = Tensor.of(new float[] {0.5f, 0.5f, 0.5f});

    @Test
    void createsAndReadsBackExactly() {
        Tensor t = Tensor.of(new long[] {0, 9007199254740992L, -9007199254740992L, 7}, 2, 2);
        assertEquals(DType.INT64, t.dtype());
        assertArrayEquals(new long[] {2, 2}, t.shape());
        assertArrayEquals(new long[] {0, 9007199254740992L, -9007199254740992L, 7}, t.toLongArray());
        assertEquals(7.0, t.slice(0, 1, 2).slice(1, 1, 2).item());
        assertEquals(DType.INT64, Tensor.of(new int[] {4, 5}).dtype());
        assertEquals(DType.INT64, Tensor.scalar(3, DType.INT64).dtype());
        assertArrayEquals(new long[] {-1, -1}, Tensor.full(-1, DType.INT64, 2).toLongArray());
        assertArrayEquals(new long[] {0, 1, 2, 3}, Tensor.arange(4, DType.INT64).toLongArray());
        assertEquals(DType.FLOAT32, Tensor.arange(3, DType.FLOAT32).dtype());
        assertFalse(DType.INT64.isFloatingPoint());
        assertTrue(DType.FLOAT32.isFloatingPoint());
    }

    @Test
    void printsWithoutDecimalsAsPyTorch() {
        assertEquals("tensor([ 1, -2,  3], shape=[3], dtype=INT64)", I.toString());
        assertEquals("tensor([[  1, -20],\n        [  3,   4]], shape=[2, 2], dtype=INT64)",
                Tensor.of(new long[] {1, -20, 3, 4}, 2, 2).toString());
        assertEquals("tensor(5, shape=[], dtype=INT64)", Tensor.scalar(5, DType.INT64).toString());
    }

    @Test
    void toInt64TruncatesTowardZeroAndBack() {
        Tensor t = Tensor.of(new double[] {2.7, -1.5, -0.5, 0.0, 1e15}).to(DType.INT64);
        assertArrayEquals(new long[] {2, -1, 0, 0, 1_000_000_000_000_000L}, t.toLongArray());
        assertEquals("tensor([0], shape=[1], dtype=INT64)", Tensor.of(new double[] {-0.5}).to(DType.INT64).toString());
        Tensor f = Tensor.of(new float[] {3.9f}).to(DType.INT64);
        assertArrayEquals(new long[] {3}, f.toLongArray());
        assertEquals(DType.FLOAT32, I.to(DType.FLOAT32).dtype());
        assertArrayEquals(new double[] {1, -2, 3}, I.to(DType.FLOAT64).toDoubleArray());
        Tensor w = Tensor.of(new double[] {1.5, 2.5}).requiresGrad(true);
        Tensor cut = w.to(DType.INT64);
        assertFalse(cut.requiresGrad());
        assertNull(cut.gradFn());
    }

    @Test
    void argmaxAndArgminAreInt64() {
        Tensor x = Tensor.of(new double[][] {{1, 5, 2}, {7, 0, 7}});
        assertEquals("tensor([1, 0], shape=[2], dtype=INT64)", x.argmax(1).toString());
        assertEquals("tensor([0, 1], shape=[2], dtype=INT64)", x.argmin(1).toString());
        assertEquals(DType.INT64, Tensor.of(new float[] {1f, 3f}).argmax(0).dtype());
        assertEquals(DType.INT64, Tensor.scalar(2).argmax(0).dtype());
        assertEquals(1.0, x.argmax(1).slice(0, 0, 1).item());
    }

    @Test
    void promotesAsPyTorchAcrossCategories() {
        assertEquals(DType.INT64, I.add(I).dtype());
        assertEquals(DType.FLOAT64, I.add(F64).dtype());
        assertEquals(DType.FLOAT32, I.mul(F32).dtype());
        assertEquals(DType.FLOAT32, F32.sub(I).dtype());
        // a 0-d floating operand decides over an INT64 one with dimensions: a higher category
        assertEquals(DType.FLOAT64, I.add(Tensor.scalar(0.5)).dtype());
        assertEquals(DType.FLOAT32, I.add(Tensor.scalar(0.5, DType.FLOAT32)).dtype());
        // a 0-d INT64 does not decide over floating operands with dimensions
        assertEquals(DType.FLOAT32, F32.add(Tensor.scalar(2, DType.INT64)).dtype());
        assertEquals(DType.INT64, I.add(Tensor.scalar(2, DType.INT64)).dtype());
        assertArrayEquals(new double[] {1.5, -1.5, 3.5}, I.add(F64).toDoubleArray());
    }

    @Test
    void integerArithmeticStaysInt64AndDivisionIsFloating() {
        assertArrayEquals(new long[] {2, -4, 6}, I.mul(2).toLongArray());
        assertArrayEquals(new long[] {0, -3, 2}, I.sub(1).toLongArray());
        assertEquals(DType.FLOAT64, I.mul(2.5).dtype());
        assertArrayEquals(new double[] {2.5, -5, 7.5}, I.mul(2.5).toDoubleArray());
        Tensor q = I.div(Tensor.of(new long[] {2, 2, 2}));
        assertEquals(DType.FLOAT64, q.dtype());
        assertArrayEquals(new double[] {0.5, -1, 1.5}, q.toDoubleArray());
        assertEquals(DType.FLOAT64, I.div(2).dtype());
        assertEquals(DType.FLOAT64, I.reciprocal().dtype());
        assertArrayEquals(new long[] {1, 2, 3}, I.abs().toLongArray());
        assertArrayEquals(new long[] {-1, 2, -3}, I.neg().toLongArray());
        assertArrayEquals(new long[] {1, 4, 9}, I.square().toLongArray());
        assertArrayEquals(new long[] {1, 0, 3}, I.relu().toLongArray());
        assertArrayEquals(new long[] {1, -1, 1}, I.sign().toLongArray());
        assertArrayEquals(new long[] {1, 0, 2}, I.clamp(0, 2).toLongArray());
        assertEquals(DType.FLOAT64, I.clamp(0, 2.5).dtype());
        assertArrayEquals(new long[] {1, 0, 3}, I.maximum(Tensor.scalar(0, DType.INT64)).toLongArray());
    }

    @Test
    void reductionsAndLayoutKeepInt64() {
        Tensor m = Tensor.of(new long[] {1, 2, 3, 4, 5, 6}, 2, 3);
        assertEquals(DType.INT64, m.sum().dtype());
        assertEquals(21.0, m.sum().item());
        assertArrayEquals(new long[] {6, 15}, m.sum(1, false).toLongArray());
        assertArrayEquals(new long[] {3, 6}, m.max(1, false).toLongArray());
        assertArrayEquals(new long[] {6, 120}, m.prod(new int[] {1}, false).toLongArray());
        assertArrayEquals(new long[] {1, 3, 6, 4, 9, 15}, m.cumsum(1).toLongArray());
        assertArrayEquals(new long[] {1, 4, 2, 5, 3, 6}, m.transpose().reshape(6).toLongArray());
        assertArrayEquals(new long[] {4, 5, 6, 1, 2, 3}, m.flip(0).flatten().toLongArray());
        assertEquals(DType.INT64, Tensor.concat(List.of(m, m), 0).dtype());
        assertEquals(DType.FLOAT32, Tensor.concat(List.of(m, m.to(DType.FLOAT32)), 0).dtype());
        assertArrayEquals(new double[] {1, 2, 3, 4, 5, 6, 1, 2, 3, 4, 5, 6},
                Tensor.concat(List.of(m.to(DType.FLOAT32), m), 0).toDoubleArray());
        assertEquals(DType.INT64, m.gt(Tensor.scalar(3, DType.INT64)).dtype());
        assertArrayEquals(new long[] {0, 0, 0, 1, 1, 1}, m.gt(3).toLongArray());
        assertEquals(DType.FLOAT64, m.gt(2.5).dtype());
        assertEquals(DType.INT64, m.index(new long[] {1}).dtype());
        assertEquals(DType.INT64, m.slice(1, 0, 2).dtype());
    }

    @Test
    void functionsWithoutIntegerMeaningComputeInFloat64() {
        Tensor x = Tensor.of(new long[] {0, 1, 2});
        assertEquals(DType.FLOAT64, x.exp().dtype());
        assertArrayEquals(new double[] {1, Math.E, Math.exp(2)}, x.exp().toDoubleArray());
        for (Tensor y : List.of(x.log1p(), x.sqrt(), x.sigmoid(), x.tanh(), x.softmax(0), x.logSoftmax(0), x.sin(),
                x.gelu(), x.silu(), x.leakyRelu(0.1), x.pow(0.5), x.rsqrt(), x.logSumExp(), x.softplus())) {
            assertEquals(DType.FLOAT64, y.dtype());
        }
    }

    @Test
    void indexingOpsTakeInt64Indices() {
        Tensor x = Tensor.of(new double[][] {{10, 11, 12}, {20, 21, 22}});
        assertArrayEquals(new double[] {12, 20}, x.gather(1, Tensor.of(new long[] {2, 0}, 2, 1)).toDoubleArray());
        assertArrayEquals(new double[] {12, 10, 22, 20},
                x.indexSelect(1, Tensor.of(new long[] {2, 0})).toDoubleArray());
        Tensor s = Tensor.zeros(2, 3).scatter(1, Tensor.of(new long[] {1, 2}, 2, 1), Tensor.ones(2, 1));
        assertArrayEquals(new double[] {0, 1, 0, 0, 0, 1}, s.toDoubleArray());
        Tensor a = Tensor.zeros(3).scatterAdd(0, Tensor.of(new long[] {1, 1}), Tensor.ones(2));
        assertArrayEquals(new double[] {0, 2, 0}, a.toDoubleArray());
        // an INT64 table gathers INT64
        assertEquals(DType.INT64, Tensor.of(new long[] {5, 6}).gather(0, Tensor.of(new long[] {1})).dtype());
    }

    @Test
    void gradientsFlowToTheFloatOperandOnly() {
        Tensor w = Tensor.of(new double[] {1, 2, 3}).requiresGrad(true);
        Tensor y = w.mul(I).sum();
        assertEquals(DType.FLOAT64, y.dtype());
        y.backward();
        assertArrayEquals(new double[] {1, -2, 3}, w.grad().toDoubleArray());
        Tensor picked = w.gather(0, Tensor.of(new long[] {2, 2}));
        picked.sum().backward();
        assertArrayEquals(new double[] {1, -2, 5}, w.grad().toDoubleArray());
    }
}
