package org.autograd4j.nn.data;

import org.autograd4j.core.Tensor;

/**
 * Standardisation, as scikit-learn's {@code StandardScaler}: {@code (x - mean) / scale} per column, where
 * {@code scale} is the population standard deviation (divisor {@code n}). A constant column has standard deviation 0
 * and gets scale 1, so it maps to 0 instead of NaN.
 *
 * <p>The fitted parameters are plain arrays ({@link #mean()}, {@link #scale()}); saving them and passing them to
 * {@link #StandardScaler(double[], double[])} rebuilds the same scaler, e.g. next to a saved model.
 *
 * <pre>{@code
 * StandardScaler s = StandardScaler.fit(train.features()); // statistics of the training split only
 * Tensor testX = s.transform(test.features());
 * StandardScaler again = new StandardScaler(s.mean(), s.scale());
 * }</pre>
 */
public final class StandardScaler implements Scaler {
    /** Standard deviations below this are treated as zero (scikit-learn's threshold: 10 machine epsilons). */
    private static final double ZERO_SCALE = 10 * Math.ulp(1.0);

    private final double[] mean;
    private final double[] scale;

    /**
     * A scaler with known parameters (copied).
     *
     * @param mean  one value per column
     * @param scale one value per column, each {@code > 0}
     * @throws IllegalArgumentException if the lengths differ or a value is not finite or a scale is not positive
     */
    public StandardScaler(double[] mean, double[] scale) {
        Columns.checkParams("StandardScaler", "mean", mean, "scale", scale);
        for (int j = 0; j < scale.length; j++) {
            if (!(scale[j] > 0)) {
                throw new IllegalArgumentException("StandardScaler: scale must be > 0, got " + scale[j]
                        + " for column " + j);
            }
        }
        this.mean = mean.clone();
        this.scale = scale.clone();
    }

    /**
     * Fits the column means and standard deviations of {@code x} (computed in double precision, two passes).
     *
     * @param x shape {@code [n, d]}, {@code n >= 1}: the training features only
     * @return a scaler to zero mean and unit variance per column, on the training statistics
     * @throws IllegalArgumentException if {@code x} is not 2-D or empty, or holds a non-finite value
     */
    public static StandardScaler fit(Tensor x) {
        Columns.check("StandardScaler.fit", x, -1);
        int n = (int) x.size(0);
        int d = (int) x.size(1);
        double[] v = x.toDoubleArray();
        double[] mean = new double[d];
        for (int i = 0; i < v.length; i++) {
            if (!Double.isFinite(v[i])) {
                throw new IllegalArgumentException("StandardScaler.fit: x has the non-finite value " + v[i]
                        + " at row " + i / d + ", column " + i % d);
            }
            mean[i % d] += v[i];
        }
        for (int j = 0; j < d; j++) {
            mean[j] /= n;
        }
        double[] scale = new double[d];
        for (int i = 0; i < v.length; i++) {
            double c = v[i] - mean[i % d];
            scale[i % d] += c * c;
        }
        for (int j = 0; j < d; j++) {
            double std = Math.sqrt(scale[j] / n);
            scale[j] = std < ZERO_SCALE ? 1.0 : std;
        }
        return new StandardScaler(mean, scale);
    }

    /** {@code (x - mean) / scale} per column; see {@link Scaler#transform(Tensor)}. */
    @Override
    public Tensor transform(Tensor x) {
        Columns.check("StandardScaler.transform", x, mean.length);
        double[] inv = new double[scale.length];
        for (int j = 0; j < inv.length; j++) {
            inv[j] = 1.0 / scale[j];
        }
        return Columns.affine(x, mean, inv, new double[mean.length]);
    }

    /** {@code x * scale + mean} per column; see {@link Scaler#inverseTransform(Tensor)}. */
    @Override
    public Tensor inverseTransform(Tensor x) {
        Columns.check("StandardScaler.inverseTransform", x, mean.length);
        return Columns.affine(x, new double[mean.length], scale, mean);
    }

    @Override
    public int numFeatures() {
        return mean.length;
    }

    /**
     * The column means (a copy), length {@code d}.
     *
     * @return a new array of length {@code d}
     */
    public double[] mean() {
        return mean.clone();
    }

    /**
     * The column scales (a copy), length {@code d}: standard deviations, with 1 for constant columns.
     *
     * @return a new array of length {@code d}, every value greater than 0
     */
    public double[] scale() {
        return scale.clone();
    }
}
