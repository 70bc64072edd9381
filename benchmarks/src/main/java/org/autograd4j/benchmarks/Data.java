package org.autograd4j.benchmarks;

import java.util.Random;
import org.autograd4j.core.Tensor;

/**
 * The workloads' data, float32, generated from a fixed seed so every run (and every peer library) sees the same
 * numbers: a fixed pool of equally sized batches, used in turn.
 */
public final class Data {
    /** Share of rows whose label is drawn at random, so the loss stays away from 0 as in real data. */
    static final double LABEL_NOISE = 0.1;

    /** Share of non-zero "pixels" in the mnist-like inputs. */
    static final double MNIST_INK = 0.2;

    private Data() {
    }

    /**
     * One batch.
     *
     * @param x      inputs, shape [batch, features], FLOAT32
     * @param oneHot targets, shape [batch, classes], FLOAT32
     * @param labels the class of each row
     */
    public record Batch(Tensor x, Tensor oneHot, int[] labels) {
    }

    /**
     * The XOR clusters: {@code n} points around the four corners (±1, ±1), Gaussian noise σ = 0.3, class 1 where the
     * two coordinates have different signs.
     */
    public static Batch xorClusters(int n, long seed) {
        Random rng = new Random(seed);
        float[] x = new float[n * 2];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            int sx = (i & 1) == 0 ? 1 : -1;
            int sy = (i & 2) == 0 ? 1 : -1;
            x[2 * i] = (float) (sx + 0.3 * rng.nextGaussian());
            x[2 * i + 1] = (float) (sy + 0.3 * rng.nextGaussian());
            labels[i] = sx != sy ? 1 : 0;
        }
        return batch(x, labels, n, 2, 2);
    }

    /**
     * {@code count} batches of {@code batch} rows: features mnist-like (a share {@link #MNIST_INK} of them uniform in
     * [0, 1), the others 0, so the mean is about MNIST's 0.13) or standard normal, labels
     * from a fixed random linear rule so that the task is learnable.
     */
    public static Batch[] pool(int count, int batch, int features, int classes, boolean uniform, long seed) {
        Random rng = new Random(seed);
        double[] rule = new double[features * classes];
        for (int i = 0; i < rule.length; i++) {
            rule[i] = rng.nextGaussian();
        }
        Batch[] out = new Batch[count];
        for (int b = 0; b < count; b++) {
            float[] x = new float[batch * features];
            int[] labels = new int[batch];
            for (int r = 0; r < batch; r++) {
                for (int f = 0; f < features; f++) {
                    x[r * features + f] = (float) (!uniform ? rng.nextGaussian()
                            : rng.nextDouble() < MNIST_INK ? rng.nextDouble() : 0.0);
                }
                labels[r] = rng.nextDouble() < LABEL_NOISE ? rng.nextInt(classes)
                        : argmaxOfRule(x, r, features, classes, rule);
            }
            out[b] = batch(x, labels, batch, features, classes);
        }
        return out;
    }

    private static int argmaxOfRule(float[] x, int row, int features, int classes, double[] rule) {
        int best = 0;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < classes; c++) {
            double s = 0;
            for (int f = 0; f < features; f++) {
                s += x[row * features + f] * rule[f * classes + c];
            }
            if (s > bestScore) {
                bestScore = s;
                best = c;
            }
        }
        return best;
    }

    private static Batch batch(float[] x, int[] labels, int rows, int features, int classes) {
        float[] oneHot = new float[rows * classes];
        for (int r = 0; r < rows; r++) {
            oneHot[r * classes + labels[r]] = 1f;
        }
        return new Batch(Tensor.of(x, rows, features), Tensor.of(oneHot, rows, classes), labels);
    }
}
