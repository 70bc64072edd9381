package org.autograd4j.examples.data;

import java.util.Random;
import org.autograd4j.core.DType;
import org.autograd4j.nn.data.Dataset;

/**
 * Toy problems generated from a seed: two-dimensional ones that no straight line separates, and a small table with a
 * categorical column.
 *
 * <pre>{@code
 * Dataset xor = Synthetic.xorClusters(400, 0.15, 7);      // labels 0 (red) and 1 (blue)
 * Dataset rings = Synthetic.circles(400, 0.15, 0.3, 7);   // labels 0 (outer) and 1 (inner)
 * Dataset table = Synthetic.tabular(42, true);            // column 0 a region 0..7, labels 0 and 1
 * }</pre>
 */
public final class Synthetic {
    private Synthetic() {
    }

    /**
     * The XOR clusters: four Gaussian clusters at the corners of the unit square, class 0 ("red") around (0, 0) and
     * (1, 1), class 1 ("blue") around (0, 1) and (1, 0), the same number of points in each cluster (up to one).
     *
     * @param n     the number of points, {@code >= 4}
     * @param std   the standard deviation of each cluster, {@code >= 0}
     * @param seed  the same seed gives the same points
     * @return features {@code [n, 2]} and labels {@code [n]}, FLOAT32
     */
    public static Dataset xorClusters(int n, double std, long seed) {
        check("xorClusters", n, std);
        double[][] corners = {{0, 0}, {1, 1}, {0, 1}, {1, 0}};
        Random rng = new Random(seed);
        double[][] x = new double[n][];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            int c = i % 4;
            x[i] = new double[] {corners[c][0] + std * rng.nextGaussian(), corners[c][1] + std * rng.nextGaussian()};
            y[i] = c / 2;
        }
        return shuffled(x, y, rng);
    }

    /**
     * Two concentric circles, as scikit-learn's {@code make_circles}: {@code n / 2} points evenly spaced on the unit
     * circle (class 0) and the rest on a circle of radius {@code factor} (class 1), each moved by Gaussian noise.
     *
     * @param n      the number of points, {@code >= 4}
     * @param noise  the standard deviation of the noise added to each coordinate, {@code >= 0}
     * @param factor the radius of the inner circle, in {@code (0, 1)}
     * @param seed   the same seed gives the same points
     * @return features {@code [n, 2]} and labels {@code [n]}, FLOAT32
     */
    public static Dataset circles(int n, double noise, double factor, long seed) {
        check("circles", n, noise);
        if (!(factor > 0 && factor < 1)) {
            throw new IllegalArgumentException("circles: factor must be in (0, 1), got " + factor);
        }
        int outer = n / 2;
        int inner = n - outer;
        Random rng = new Random(seed);
        double[][] x = new double[n][];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            boolean isOuter = i < outer;
            int k = isOuter ? i : i - outer;
            double angle = 2 * Math.PI * k / (isOuter ? outer : inner);
            double r = isOuter ? 1.0 : factor;
            x[i] = new double[] {r * Math.cos(angle) + noise * rng.nextGaussian(),
                r * Math.sin(angle) + noise * rng.nextGaussian()};
            y[i] = isOuter ? 0 : 1;
        }
        return shuffled(x, y, rng);
    }

    /** Each region's additive effect on {@link #tabular}'s score; deliberately unordered. */
    static final double[] REGION = {2, -2, 0.5, -1.5, 1.5, -0.5, 1, -1};

    /**
     * A table with a categorical column, the {@code Tabular} example's (a real census table is too large to ship):
     * 2000 rows of a "region" with 8 levels (column 0, its index 0..7 as a number) and 4 standard-normal numeric
     * features {@code x0..x3} (columns 1-4); the label is {@code REGION[region] + x0 - x1 + x2 * x3 + noise > 0} with
     * noise N(0, 0.5²). The region's effect is not monotonic in its index, so only a per-level representation (an
     * embedding) learns it well.
     *
     * @param seed       the same seed gives the same rows
     * @param withRegion false to write region 0 in every row (a baseline that cannot see the region); the other
     *                   columns and the labels are the same either way
     * @return features {@code [2000, 5]} and labels {@code [2000]}, FLOAT64
     */
    public static Dataset tabular(long seed, boolean withRegion) {
        Random rng = new Random(seed);
        double[][] features = new double[2000][];
        int[] labels = new int[2000];
        for (int i = 0; i < features.length; i++) {
            int r = rng.nextInt(REGION.length);
            double x0 = rng.nextGaussian(), x1 = rng.nextGaussian(), x2 = rng.nextGaussian(), x3 = rng.nextGaussian();
            double score = REGION[r] + x0 - x1 + x2 * x3 + 0.5 * rng.nextGaussian();
            features[i] = new double[] {withRegion ? r : 0, x0, x1, x2, x3};
            labels[i] = score > 0 ? 1 : 0;
        }
        return Dataset.of(features, labels);
    }

    private static void check(String op, int n, double std) {
        if (n < 4) {
            throw new IllegalArgumentException(op + ": n must be >= 4, got " + n);
        }
        if (!(std >= 0) || Double.isInfinite(std)) {
            throw new IllegalArgumentException(op + ": the noise must be a finite number >= 0, got " + std);
        }
    }

    private static Dataset shuffled(double[][] x, int[] y, Random rng) {
        for (int i = x.length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            double[] tx = x[i];
            x[i] = x[j];
            x[j] = tx;
            int ty = y[i];
            y[i] = y[j];
            y[j] = ty;
        }
        Dataset d = Dataset.of(x, y);
        return new Dataset(d.features().to(DType.FLOAT32), d.labels().to(DType.FLOAT32));
    }
}
