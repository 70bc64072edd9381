package org.autograd4j.core.nd4j;

import org.autograd4j.core.DType;
import org.autograd4j.core.Tensor;
import org.autograd4j.core.backend.BlasBackend;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Copies values between autograd4j's {@link Tensor} and ND4J's {@link INDArray}.
 *
 * <p>Why a package of its own: the engine does not run on ND4J, so ND4J's types stay out of the core API and ND4J is an
 * optional dependency of {@code autograd-core}. To use this class, add {@code org.nd4j:nd4j-native:1.0.0-M2.1} and the
 * same artifact with your platform's classifier (e.g. {@code linux-x86_64}) to your project.
 *
 * <pre>{@code
 * INDArray a = Nd4jInterop.toNd4j(Tensor.of(new double[] {1, 2, 3}));   // DOUBLE [3]
 * Tensor t = Nd4jInterop.toTensor(a);                                  // FLOAT64 [3], a copy
 * }</pre>
 */
public final class Nd4jInterop {
    private Nd4jInterop() {
    }

    /**
     * A tensor with a copy of an ND4J array's values, in row-major order whatever the array's order or strides.
     *
     * @param array any numeric array (views and 'f' order included)
     * @return FLOAT32 for float, half and bfloat16 arrays, INT64 for LONG ones, FLOAT64 for the others (the other
     *         integer types included, as before INT64 existed); with the array's shape
     * @throws IllegalArgumentException for arrays that are not numeric, a dimension too large for a tensor, or a
     *         LONG value beyond ±2^53 (which INT64 tensors cannot hold exactly)
     */
    public static Tensor toTensor(INDArray array) {
        BlasBackend.prepareEnvironment();
        DataType t = array.dataType();
        if (!t.isNumerical()) {
            throw new IllegalArgumentException("toTensor: ND4J array of type " + t + " is not numeric");
        }
        long[] shape = array.shape();
        boolean float32 = t == DataType.FLOAT || t == DataType.HALF || t == DataType.BFLOAT16;
        if (shape.length == 0 && t != DataType.LONG) {
            return Tensor.scalar(array.getDouble(0), float32 ? DType.FLOAT32 : DType.FLOAT64);
        }
        boolean empty = array.length() == 0;
        if (t == DataType.LONG) {
            long[] v = empty ? new long[0] : array.dup('c').data().asLong();
            return shape.length == 0 ? Tensor.of(v).reshape() : Tensor.of(v, shape);
        }
        if (float32) {
            float[] f = empty ? new float[0] : array.castTo(DataType.FLOAT).dup('c').data().asFloat();
            return Tensor.of(f, shape);
        }
        double[] d = empty ? new double[0] : array.castTo(DataType.DOUBLE).dup('c').data().asDouble();
        return Tensor.of(d, shape);
    }

    /**
     * A new ND4J array with a copy of a tensor's values.
     *
     * @param tensor any tensor; its gradient and graph are not carried over
     * @return FLOAT for FLOAT32 tensors, DOUBLE for FLOAT64, LONG for INT64; 'c' order, the tensor's shape
     */
    public static INDArray toNd4j(Tensor tensor) {
        BlasBackend.prepareEnvironment();
        long[] s = tensor.shape();
        if (tensor.dtype() == DType.INT64) {
            long[] v = tensor.toLongArray();
            return v.length == 0 ? Nd4j.create(DataType.LONG, s, 'c')
                    : s.length == 0 ? Nd4j.scalar(v[0]) : Nd4j.createFromArray(v).reshape('c', s);
        }
        if (tensor.dtype() == DType.FLOAT32) {
            return Nd4j.create(tensor.toFloatArray(), s, 'c');
        }
        return Nd4j.create(tensor.toDoubleArray(), s, 'c');
    }
}
