package org.autograd4j.nn.data;

import org.autograd4j.core.Tensor;

/**
 * Min-max scaling, as scikit-learn's {@code MinMaxScaler}: each column's training range {@code [dataMin, dataMax]}
 * is mapped linearly onto {@code [lo, hi]} (default {@code [0, 1]}). A constant column has range 0, which is treated
 * as 1, so it maps to {@code lo}. Values outside the training range map outside {@code [lo, hi]} (no clipping).
 *
 * <pre>{@code
 * MinMaxScaler s = MinMaxScaler.fit(train.features());
 * MinMaxScaler again = new MinMaxScaler(s.dataMin(), s.dataMax(), 0, 1); // rebuilt from saved parameters
 * }</pre>
 */
public final class MinMaxScaler implements Scaler {
    private final double[] dataMin;
    private final double[] dataMax;
    private final double lo;
    private final double hi;

    /**
     * A scaler with known parameters (copied).
     *
     * @param dataMin the training minimum of each column
     * @param dataMax the training maximum of each column, each {@code >= dataMin}
     * @param lo      the value {@code dataMin} maps to
     * @param hi      the value {@code dataMax} maps to, {@code > lo}
     * @throws IllegalArgumentException if the lengths differ, a value is not finite, or a range is reversed
     */
    public MinMaxScaler(double[] dataMin, double[] dataMax, double lo, double hi) {
        Columns.checkParams("MinMaxScaler", "dataMin", dataMin, "dataMax", dataMax);
        if (!(Double.isFinite(lo) && Double.isFinite(hi) && lo < hi)) {
            throw new IllegalArgumentException("MinMaxScaler: feature range must be finite with lo < hi, got [" + lo
                    + ", " + hi + "]");
        }
        for (int j = 0; j < dataMin.length; j++) {
            if (dataMin[j] > dataMax[j]) {
                throw new IllegalArgumentException("MinMaxScaler: column " + j + " has dataMin " + dataMin[j]
                        + " > dataMax " + dataMax[j]);
            }
        }
        this.dataMin = dataMin.clone();
        this.dataMax = dataMax.clone();
        this.lo = lo;
        this.hi = hi;
    }

    /**
     * Fits the column ranges of {@code x} onto {@code [0, 1]}; see {@link #fit(Tensor, double, double)}.
     *
     * @param x shape {@code [n, d]}, {@code n >= 1}: the training features only
     * @return a scaler mapping each column's training range onto {@code [0, 1]}
     */
    public static MinMaxScaler fit(Tensor x) {
        return fit(x, 0, 1);
    }

    /**
     * Fits the column minima and maxima of {@code x}.
     *
     * @param x  shape {@code [n, d]}, {@code n >= 1}: the training features only
     * @param lo the value each column's minimum maps to
     * @param hi the value each column's maximum maps to, {@code > lo}
     * @return a scaler mapping each column's training range onto {@code [lo, hi]}
     * @throws IllegalArgumentException if {@code x} is not 2-D or empty, or holds a non-finite value
     */
    public static MinMaxScaler fit(Tensor x, double lo, double hi) {
        Columns.check("MinMaxScaler.fit", x, -1);
        int d = (int) x.size(1);
        double[] v = x.toDoubleArray();
        double[] min = new double[d];
        double[] max = new double[d];
        java.util.Arrays.fill(min, Double.POSITIVE_INFINITY);
        java.util.Arrays.fill(max, Double.NEGATIVE_INFINITY);
        for (int i = 0; i < v.length; i++) {
            if (!Double.isFinite(v[i])) {
                throw new IllegalArgumentException("MinMaxScaler.fit: x has the non-finite value " + v[i]
                        + " at row " + i / d + ", column " + i % d);
            }
            min[i % d] = Math.min(min[i % d], v[i]);
            max[i % d] = Math.max(max[i % d], v[i]);
        }
        return new MinMaxScaler(min, max, lo, hi);
    }

    /** The training range of column {@code j}, with 0 replaced by 1 (constant columns). */
    private double range(int j) {
        double r = dataMax[j] - dataMin[j];
        return r == 0 ? 1.0 : r;
    }

    /** {@code lo + (x - dataMin) * (hi - lo) / (dataMax - dataMin)} per column. */
    @Override
    public Tensor transform(Tensor x) {
        Columns.check("MinMaxScaler.transform", x, dataMin.length);
        double[] factor = new double[dataMin.length];
        double[] offset = new double[dataMin.length];
        for (int j = 0; j < factor.length; j++) {
            factor[j] = (hi - lo) / range(j);
            offset[j] = lo;
        }
        return Columns.affine(x, dataMin, factor, offset);
    }

    /** {@code dataMin + (x - lo) * (dataMax - dataMin) / (hi - lo)} per column. */
    @Override
    public Tensor inverseTransform(Tensor x) {
        Columns.check("MinMaxScaler.inverseTransform", x, dataMin.length);
        double[] shift = new double[dataMin.length];
        double[] factor = new double[dataMin.length];
        for (int j = 0; j < factor.length; j++) {
            shift[j] = lo;
            factor[j] = range(j) / (hi - lo);
        }
        return Columns.affine(x, shift, factor, dataMin);
    }

    @Override
    public int numFeatures() {
        return dataMin.length;
    }

    /**
     * The training minimum of each column (a copy).
     *
     * @return a new array of length {@code d}
     */
    public double[] dataMin() {
        return dataMin.clone();
    }

    /**
     * The training maximum of each column (a copy).
     *
     * @return a new array of length {@code d}
     */
    public double[] dataMax() {
        return dataMax.clone();
    }

    /**
     * The value each column's training minimum maps to.
     *
     * @return the lower end of the target range
     */
    public double lo() {
        return lo;
    }

    /**
     * The value each column's training maximum maps to.
     *
     * @return the upper end of the target range
     */
    public double hi() {
        return hi;
    }
}
