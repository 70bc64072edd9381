package org.autograd4j.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.BinaryOperator;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;
import java.util.function.Function;

/**
 * The assertions the {@code *Properties} classes share: the numerical oracle (first and second order, PyTorch's
 * tolerances), the shape and dtype of gradients, the forward against a {@link Ref} result, and FLOAT32 promotion.
 * Each takes the op as a function of fresh leaves, so a property reads as one line.
 */
final class OpChecks {
    /** Forward results may differ from the reference by rounding only. */
    static final double FORWARD_TOLERANCE = 1e-12;

    private OpChecks() {
    }

    /** Fresh leaves over copies of the inputs' values, each requiring a gradient. */
    static List<Tensor> leaves(Tensor... xs) {
        List<Tensor> out = new ArrayList<>();
        for (Tensor x : xs) {
            Object copy = x.fdata != null ? x.fdata.clone() : x.data.clone();
            out.add(Tensor.over(copy, x.shape.clone(), x.dtype).requiresGrad(true));
        }
        return out;
    }

    /** The gradient of {@code f} with respect to every input agrees with central differences. */
    static void gradcheck(Function<List<Tensor>, Tensor> f, Tensor... xs) {
        GradCheck.Result r = GradCheck.check(f, leaves(xs));
        assertTrue(r.passed(), () -> "gradient differs from central differences: " + r);
    }

    /** The gradient's own gradient (Hessian-vector products, through createGraph) agrees with central differences. */
    static void gradcheckSecondOrder(Function<List<Tensor>, Tensor> f, Tensor... xs) {
        GradCheck.Result r = GradCheck.checkSecondOrder(f, leaves(xs));
        assertTrue(r.passed(), () -> "second-order gradient differs from central differences: " + r);
    }

    /** After a backward pass every input has a gradient of its own shape and dtype. */
    static void gradHasInputShape(Function<List<Tensor>, Tensor> f, Tensor... xs) {
        List<Tensor> in = leaves(xs);
        Tensor out = f.apply(in);
        out.backward(Tensor.full(1.0, out.shape()));
        for (int i = 0; i < in.size(); i++) {
            Tensor x = in.get(i);
            Tensor g = x.grad();
            int input = i;
            assertNotNull(g, () -> "input " + input + " got no gradient");
            assertArrayEquals(x.shape(), g.shape(), () -> "gradient of input " + input + " has shape "
                    + Arrays.toString(g.shape()) + " but the input has " + Arrays.toString(x.shape()));
            assertEquals(x.dtype(), g.dtype(), () -> "gradient of input " + input + " has the wrong dtype");
        }
    }

    /** The tensor has the expected shape and values, up to rounding. */
    static void assertMatches(Ref.Expected expected, Tensor actual) {
        assertArrayEquals(expected.shape(), actual.shape, () -> "shape " + Shapes.str(actual.shape) + ", expected "
                + Shapes.str(expected.shape()));
        for (int i = 0; i < expected.data().length; i++) {
            double e = expected.data()[i];
            double a = actual.at(i);
            int at = i;
            assertTrue(Math.abs(e - a) <= FORWARD_TOLERANCE * Math.max(1.0, Math.abs(e)),
                    () -> "element " + at + ": got " + a + ", expected " + e + "; result "
                            + TensorGen.describe(actual));
        }
    }

    /**
     * FLOAT32 promotion of a binary op, as PyTorch does it: FLOAT32 with FLOAT64 gives FLOAT64 (either order) unless
     * only one of them has dimensions, which then decides ({@link #pyTorchType}); FLOAT32 with FLOAT32 stays FLOAT32
     * with the reference's values rounded to float, FLOAT32 with a Java double stays FLOAT32; a FLOAT32 leaf gets a
     * FLOAT32 gradient of its shape even when the op promoted.
     */
    static void assertFloat32Promotion(BinaryOperator<Tensor> op, BiFunction<Tensor, Double, Tensor> withDouble,
            DoubleBinaryOperator reference, Tensor x, Tensor y, double c) {
        Tensor x32 = float32(x).requiresGrad(true);
        Tensor y32 = float32(y);
        Tensor mixed = op.apply(x32, y);
        assertEquals(pyTorchType(y, x32), op.apply(y, x32).dtype(), "FLOAT64 op FLOAT32");
        assertEquals(pyTorchType(x32, y), mixed.dtype(), "FLOAT32 op FLOAT64");
        Tensor single = op.apply(x32, y32);
        assertEquals(DType.FLOAT32, single.dtype(), "FLOAT32 op FLOAT32");
        Ref.Expected e = Ref.zip(x32, y32, reference);
        for (int i = 0; i < e.data().length; i++) {
            assertEquals((float) e.data()[i], single.at(i), 0.0, "FLOAT32 op FLOAT32 rounds to float at " + i);
        }
        assertEquals(DType.FLOAT32, withDouble.apply(x32, c).dtype(), "FLOAT32 op double");
        mixed.backward(Tensor.full(1.0, mixed.shape()));
        assertEquals(DType.FLOAT32, x32.grad().dtype(), "gradient of a FLOAT32 leaf");
        assertArrayEquals(x32.shape(), x32.grad().shape(), "gradient shape of a FLOAT32 leaf");
        assertFloat32MatchesFloat64(in -> op.apply(in.get(0), in.get(1)), x, y);
    }

    /**
     * The type PyTorch gives a binary op's result: operands with dimensions outrank 0-d ones; among equals, FLOAT64
     * wins. Written out here rather than calling the engine's rule, so the test states it independently.
     */
    static DType pyTorchType(Tensor a, Tensor b) {
        if (a.dtype() == b.dtype()) {
            return a.dtype();
        }
        if ((a.rank() > 0) != (b.rank() > 0)) {
            return a.rank() > 0 ? a.dtype() : b.dtype();
        }
        return DType.FLOAT64;
    }

    /**
     * {@code op} on FLOAT32 copies of the inputs, forward and first-order backward (where the float loops are),
     * agrees with {@code op} on FLOAT64 leaves holding the same float values.
     */
    static void assertFloat32MatchesFloat64(Function<List<Tensor>, Tensor> op, Tensor... xs) {
        List<Tensor> singles = new ArrayList<>();
        List<Tensor> doubles = new ArrayList<>();
        for (Tensor x : xs) {
            Tensor single = float32(x).requiresGrad(true);
            singles.add(single);
            doubles.add(leaves(single.to(DType.FLOAT64)).get(0));
        }
        Tensor out32 = op.apply(singles);
        Tensor out64 = op.apply(doubles);
        assertCloseToFloat64(out32, out64, "FLOAT32 value");
        out32.backward(Tensor.full(1.0, out32.shape()).to(DType.FLOAT32));
        out64.backward(Tensor.full(1.0, out64.shape()));
        for (int i = 0; i < xs.length; i++) {
            assertCloseToFloat64(singles.get(i).grad(), doubles.get(i).grad(), "gradient of FLOAT32 input " + i);
        }
    }

    /**
     * A FLOAT32 result or gradient against the FLOAT64 one at the same (float) inputs: within float rounding of a few
     * operations, relative to the value, or absolute below 1 (so that a tiny float64 value rounded away to 0 in float,
     * as for σ'(20), passes).
     */
    private static void assertCloseToFloat64(Tensor g32, Tensor g64, String what) {
        assertEquals(DType.FLOAT32, g32.dtype(), what + ": dtype");
        double[] a = g32.toDoubleArray();
        double[] e = g64.toDoubleArray();
        assertEquals(e.length, a.length, what + ": size");
        for (int i = 0; i < a.length; i++) {
            double tol = 1e-5 * Math.max(1.0, Math.abs(e[i]));
            if (!(Math.abs(a[i] - e[i]) <= tol) && !(Double.isNaN(a[i]) && Double.isNaN(e[i]))
                    && a[i] != e[i]) {
                throw new AssertionError(what + " at " + i + ": FLOAT32 " + a[i] + ", FLOAT64 " + e[i]);
            }
        }
    }

    /**
     * A unary op keeps FLOAT32: the values are the reference's rounded to float (within one float ulp, for references
     * written differently from the op), and a FLOAT32 leaf gets a FLOAT32 gradient of its shape.
     */
    static void assertFloat32Unary(Function<List<Tensor>, Tensor> op, DoubleUnaryOperator reference, Tensor x) {
        Tensor x32 = float32(x).requiresGrad(true);
        Tensor out = op.apply(List.of(x32));
        assertEquals(DType.FLOAT32, out.dtype(), "FLOAT32 in, FLOAT32 out");
        Ref.Expected e = Ref.map(x32, reference);
        for (int i = 0; i < e.data().length; i++) {
            float expected = (float) e.data()[i];
            assertEquals(expected, out.at(i), Math.ulp(expected), "FLOAT32 value at " + i);
        }
        out.backward(Tensor.full(1.0, out.shape()));
        assertEquals(DType.FLOAT32, x32.grad().dtype(), "gradient of a FLOAT32 leaf");
        assertArrayEquals(x32.shape(), x32.grad().shape(), "gradient shape of a FLOAT32 leaf");
        assertFloat32MatchesFloat64(op, x);
    }

    /** A FLOAT32 copy (values rounded to float). */
    static Tensor float32(Tensor x) {
        return new Tensor(x.data.clone(), x.shape.clone(), DType.FLOAT32);
    }
}
