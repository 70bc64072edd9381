package org.autograd4j.examples.data;

import java.util.Random;
import org.autograd4j.core.DType;
import org.autograd4j.nn.data.Dataset;

/**
 * Two-dimensional toy problems that no straight line separates, generated from a seed.
 *
 * <pre>{@code
 * Dataset xor = Synthetic.xorClusters(400, 0.15, 7);      // labels 0 (red) and 1 (blue)
 * Dataset rings = Synthetic.circles(400, 0.15, 0.3, 7);   // labels 0 (outer) and 1 (inner)
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
