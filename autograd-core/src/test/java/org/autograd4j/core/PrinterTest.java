package org.autograd4j.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** {@link Tensor#toString()} as {@link Printer} formats it: PyTorch's layout, number formats and elision. */
class PrinterTest {
    @Test
    void scalar() {
        assertEquals("tensor(3.0, shape=[], dtype=FLOAT64)", Tensor.scalar(3).toString());
        assertEquals("tensor(0.2500, shape=[], dtype=FLOAT64)", Tensor.scalar(0.25).toString());
    }

    @Test
    void wholeNumbersPrintWithOneDecimal() {
        assertEquals("tensor([1.0, 2.0, 3.0], shape=[3], dtype=FLOAT64)", Tensor.arange(4).slice(0, 1, 4)
                .toString());
    }

    @Test
    void oneFormatForTheWholeTensorPaddedToOneWidth() {
        assertEquals("tensor([1.0000, 2.5000], shape=[2], dtype=FLOAT64)",
                Tensor.of(new double[] {1, 2.5}).toString());
        assertEquals("tensor([ 1.0000, -2.5000], shape=[2], dtype=FLOAT64)",
                Tensor.of(new double[] {1, -2.5}).toString());
        assertEquals("tensor([10.0, -2.0,  0.0], shape=[3], dtype=FLOAT64)",
                Tensor.of(new double[] {10, -2, 0}).toString());
    }

    @Test
    void scientificNotationForTinyHugeOrWideRanges() {
        assertEquals("tensor([1.0000e-05, 1.0000e+00], shape=[2], dtype=FLOAT64)",
                Tensor.of(new double[] {1e-5, 1}).toString());
        assertEquals("tensor([1.0000e+00, 1.0000e+09], shape=[2], dtype=FLOAT64)",
                Tensor.of(new double[] {1, 1e9}).toString());
        assertEquals("tensor([0.0000e+00, 1.0000e+00, 2.0000e+03], shape=[3], dtype=FLOAT64)",
                Tensor.of(new double[] {0, 1, 2000}).toString());
    }

    @Test
    void nonFiniteValues() {
        assertEquals("tensor([ nan,  inf, -inf,  1.0], shape=[4], dtype=FLOAT64)",
                Tensor.of(new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 1})
                        .toString());
    }

    @Test
    void matrixRowsAlignUnderTheFirstBracket() {
        assertEquals("tensor([[1.0, 2.0],\n"
                + "        [3.0, 4.0]], shape=[2, 2], dtype=FLOAT64)",
                Tensor.of(new double[][] {{1, 2}, {3, 4}}).toString());
        assertEquals("tensor([[[0.0, 1.0],\n"
                + "         [2.0, 3.0]],\n"
                + "\n"
                + "        [[4.0, 5.0],\n"
                + "         [6.0, 7.0]]], shape=[2, 2, 2], dtype=FLOAT64)",
                Tensor.arange(8).reshape(2, 2, 2).toString());
    }

    @Test
    void dtypeRequiresGradAndGradFn() {
        assertEquals("tensor([0.5000, 2.0000], shape=[2], dtype=FLOAT32)",
                Tensor.of(new float[] {0.5f, 2f}).toString());
        Tensor x = Tensor.of(new double[] {0.5, 2}).requiresGrad(true);
        assertEquals("tensor([0.5000, 2.0000], shape=[2], dtype=FLOAT64, requires_grad=true)", x.toString());
        assertEquals("tensor([1.0, 4.0], shape=[2], dtype=FLOAT64, grad_fn=<MulBackward>)",
                x.mul(2).toString());
        assertEquals("tensor(2.5000, shape=[], dtype=FLOAT64, grad_fn=<SumBackward>)", x.sum().toString());
        assertEquals("AddBackward", x.add(1).gradFn());
        assertEquals("MatMulBackward", x.reshape(1, 2).matmul(x.reshape(2, 1)).gradFn());
        assertEquals("MaxBackward", x.max(0, false).gradFn());
        assertEquals("MinBackward", x.min(0, false).gradFn());
    }

    @Test
    void emptyTensor() {
        assertEquals("tensor([], shape=[0], dtype=FLOAT64)", Tensor.zeros(0).toString());
    }

    @Test
    void largeVectorsAreElidedToThreeValuesAtEachEnd() {
        assertEquals("tensor([0.0000e+00, 1.0000e+00, 2.0000e+00, ..., 1.9970e+03, 1.9980e+03, 1.9990e+03],"
                + " shape=[2000], dtype=FLOAT64)", Tensor.arange(2000).toString());
        assertEquals("tensor([1.0, 1.0, 1.0, ..., 1.0, 1.0, 1.0], shape=[1001], dtype=FLOAT64)",
                Tensor.ones(1001).toString());
        assertEquals(1000, Tensor.ones(1000).toString().split(",").length - 2, "1000 values print in full");
    }

    @Test
    void largeMatricesElideRowsAndColumns() {
        String expected = "tensor([[1.0, 1.0, 1.0, ..., 1.0, 1.0, 1.0],\n"
                + "        [1.0, 1.0, 1.0, ..., 1.0, 1.0, 1.0],\n"
                + "        [1.0, 1.0, 1.0, ..., 1.0, 1.0, 1.0],\n"
                + "        ...,\n"
                + "        [1.0, 1.0, 1.0, ..., 1.0, 1.0, 1.0],\n"
                + "        [1.0, 1.0, 1.0, ..., 1.0, 1.0, 1.0],\n"
                + "        [1.0, 1.0, 1.0, ..., 1.0, 1.0, 1.0]], shape=[100, 20], dtype=FLOAT64)";
        assertEquals(expected, Tensor.ones(100, 20).toString());
        // a short axis is shown whole even when the tensor is elided
        assertTrue(Tensor.ones(1000, 2).toString().startsWith("tensor([[1.0, 1.0],\n"));
    }

    @Test
    void formatIsChosenFromTheShownValuesOnly() {
        double[] d = new double[2000];
        java.util.Arrays.fill(d, 1.0);
        d[1000] = 1e-9;   // elided: must not switch the format to scientific
        assertTrue(Tensor.of(d).toString().startsWith("tensor([1.0, 1.0, 1.0, ...,"));
    }
}
