package org.autograd4j.nn.data;

import java.util.Arrays;
import org.autograd4j.core.Tensor;

/** Column-wise arithmetic shared by the scalers: {@code out[i][j] = (x[i][j] - shift[j]) * factor[j] + offset[j]}. */
final class Columns {
    private Columns() {
    }

    /** Checks {@code x} is {@code [n, d]} with the expected {@code d}; {@code op} names the caller. */
    static void check(String op, Tensor x, int d) {
        if (x == null) {
            throw new IllegalArgumentException(op + ": x must not be null");
        }
        if (x.rank() != 2) {
            throw new IllegalArgumentException(op + ": x must have shape [n, d], got " + Arrays.toString(x.shape()));
        }
        if (d >= 0 && x.size(1) != d) {
            throw new IllegalArgumentException(op + ": x has " + x.size(1) + " columns but the scaler was fitted on "
                    + d);
        }
        if (x.size(0) == 0) {
            throw new IllegalArgumentException(op + ": x has no rows");
        }
    }

    static Tensor affine(Tensor x, double[] shift, double[] factor, double[] offset) {
        double[] v = x.toDoubleArray();
        int d = shift.length;
        for (int i = 0; i < v.length; i++) {
            int j = i % d;
            v[i] = (v[i] - shift[j]) * factor[j] + offset[j];
        }
        return Tensor.of(v, x.shape()).to(x.dtype());
    }

    /** Checks parameter arrays given to a scaler's constructor: non-null, equal non-zero length, finite. */
    static void checkParams(String op, String nameA, double[] a, String nameB, double[] b) {
        if (a == null || b == null) {
            throw new IllegalArgumentException(op + ": " + nameA + " and " + nameB + " must not be null");
        }
        if (a.length != b.length || a.length == 0) {
            throw new IllegalArgumentException(op + ": " + nameA + " has " + a.length + " values and " + nameB + " has "
                    + b.length + "; they need the same non-zero length");
        }
        for (int j = 0; j < a.length; j++) {
            if (!Double.isFinite(a[j]) || !Double.isFinite(b[j])) {
                throw new IllegalArgumentException(op + ": column " + j + " has " + nameA + " " + a[j] + " and "
                        + nameB + " " + b[j] + "; both must be finite");
            }
        }
    }
}
