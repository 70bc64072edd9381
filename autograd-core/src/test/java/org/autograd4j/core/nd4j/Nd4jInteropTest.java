package org.autograd4j.core.nd4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.autograd4j.core.DType;
import org.autograd4j.core.Tensor;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Values, shapes and dtypes survive the trip to ND4J and back; both directions copy. */
class Nd4jInteropTest {
    @Test
    void float64RoundTrip() {
        Tensor t = Tensor.of(new double[] {1, 2, 3, 4, 5, 6}, 2, 3);
        INDArray a = Nd4jInterop.toNd4j(t);
        assertEquals(DataType.DOUBLE, a.dataType());
        assertArrayEquals(new long[] {2, 3}, a.shape());
        assertEquals(6.0, a.getDouble(1, 2));
        assertEquals(2.0, a.getDouble(0, 1));
        Tensor back = Nd4jInterop.toTensor(a);
        assertEquals(DType.FLOAT64, back.dtype());
        assertArrayEquals(t.shape(), back.shape());
        assertArrayEquals(t.toDoubleArray(), back.toDoubleArray());
    }

    @Test
    void float32RoundTrip() {
        Tensor t = Tensor.of(new float[] {0.1f, 0.2f, 0.3f}, 3, 1);
        INDArray a = Nd4jInterop.toNd4j(t);
        assertEquals(DataType.FLOAT, a.dataType());
        Tensor back = Nd4jInterop.toTensor(a);
        assertEquals(DType.FLOAT32, back.dtype());
        assertArrayEquals(new long[] {3, 1}, back.shape());
        assertArrayEquals(t.toFloatArray(), back.toFloatArray());
    }

    @Test
    void scalarAndEmptyRoundTrip() {
        Tensor s = Nd4jInterop.toTensor(Nd4jInterop.toNd4j(Tensor.scalar(2.5)));
        assertEquals(0, s.rank());
        assertEquals(2.5, s.item());
        Tensor e = Nd4jInterop.toTensor(Nd4jInterop.toNd4j(Tensor.zeros(0, 2)));
        assertArrayEquals(new long[] {0, 2}, e.shape());
    }

    @Test
    void toTensorReadsViewsAndFortranOrderInLogicalOrder() {
        INDArray f = Nd4j.create(new double[] {1, 2, 3, 4, 5, 6}, new long[] {2, 3}, 'f');
        assertArrayEquals(new double[] {1, 3, 5, 2, 4, 6}, Nd4jInterop.toTensor(f).toDoubleArray());
        INDArray c = Nd4j.create(new double[] {1, 2, 3, 4, 5, 6}, new long[] {2, 3}, 'c');
        Tensor transposed = Nd4jInterop.toTensor(c.transpose());
        assertArrayEquals(new long[] {3, 2}, transposed.shape());
        assertArrayEquals(new double[] {1, 4, 2, 5, 3, 6}, transposed.toDoubleArray());
    }

    @Test
    void toTensorCopiesAndIntegerArraysBecomeFloat64() {
        INDArray a = Nd4j.create(new double[] {1, 2}, new long[] {2}, 'c');
        Tensor t = Nd4jInterop.toTensor(a);
        a.putScalar(0, 100.0);
        assertEquals(1.0, t.toDoubleArray()[0]);
        Tensor i = Nd4jInterop.toTensor(Nd4j.createFromArray(new int[] {3, 4}));
        assertEquals(DType.FLOAT64, i.dtype());
        assertArrayEquals(new double[] {3, 4}, i.toDoubleArray());
    }

    @Test
    void int64RoundTripsThroughLong() {
        Tensor t = Tensor.of(new long[] {3, -4, 9007199254740992L, 0, 1, 2}, 2, 3);
        INDArray a = Nd4jInterop.toNd4j(t);
        assertEquals(DataType.LONG, a.dataType());
        assertArrayEquals(new long[] {2, 3}, a.shape());
        Tensor back = Nd4jInterop.toTensor(a);
        assertEquals(DType.INT64, back.dtype());
        assertArrayEquals(t.toLongArray(), back.toLongArray());
        Tensor s = Nd4jInterop.toTensor(Nd4jInterop.toNd4j(Tensor.scalar(7, DType.INT64)));
        assertEquals(0, s.rank());
        assertEquals(DType.INT64, s.dtype());
        assertEquals(7.0, s.item());
        Tensor e = Nd4jInterop.toTensor(Nd4jInterop.toNd4j(Tensor.of(new long[0], 0, 2)));
        assertArrayEquals(new long[] {0, 2}, e.shape());
        assertEquals(DType.INT64, e.dtype());
        IllegalArgumentException big = assertThrows(IllegalArgumentException.class,
                () -> Nd4jInterop.toTensor(Nd4j.createFromArray(new long[] {9007199254740993L})));
        assertEquals("of: value 9007199254740993 at position 0 is beyond ±2^53 (9007199254740992), the range INT64"
                + " tensors hold exactly", big.getMessage());
    }

    @Test
    void toNd4jIsACopy() {
        Tensor t = Tensor.of(new double[] {1, 2});
        Nd4jInterop.toNd4j(t).putScalar(0, 100.0);
        assertArrayEquals(new double[] {1, 2}, t.toDoubleArray());
    }

    @Test
    void float32ScalarAndHalfArraysBecomeFloat32() {
        Tensor s = Nd4jInterop.toTensor(Nd4jInterop.toNd4j(Tensor.scalar(0.5, DType.FLOAT32)));
        assertEquals(DType.FLOAT32, s.dtype());
        assertEquals(0, s.rank());
        Tensor h = Nd4jInterop.toTensor(Nd4j.create(new double[] {1.5, -2}, new long[] {2}, 'c')
                .castTo(DataType.HALF));
        assertEquals(DType.FLOAT32, h.dtype());
        assertArrayEquals(new float[] {1.5f, -2f}, h.toFloatArray());
    }

    @Test
    void aNonNumericArrayIsRefusedNamingItsType() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Nd4jInterop.toTensor(Nd4j.createFromArray(new boolean[] {true, false})));
        assertEquals("toTensor: ND4J array of type BOOL is not numeric", e.getMessage());
    }
}
