package org.autograd4j.spark;

import java.util.Random;

/** Small seeded data sets for the tests. */
final class TestData {
    final double[][] x;
    final double[] y;

    private TestData(double[][] x, double[] y) {
        this.x = x;
        this.y = y;
    }

    /** {@code n} rows of {@code d} Gaussian features; the class is the index of the largest of the first 3 sums. */
    static TestData classes(int n, int d, long seed) {
        Random r = new Random(seed);
        double[][] x = new double[n][d];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            double[] score = new double[3];
            for (int j = 0; j < d; j++) {
                x[i][j] = r.nextGaussian() * (1 + j) + j;
                score[j % 3] += x[i][j] * (j % 2 == 0 ? 1 : -0.5) / (1 + j);
            }
            int best = 0;
            for (int c = 1; c < 3; c++) {
                best = score[c] > score[best] ? c : best;
            }
            y[i] = best;
        }
        return new TestData(x, y);
    }
}
