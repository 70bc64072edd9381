package org.autograd4j.examples;

import java.nio.file.Path;
import org.autograd4j.examples.data.Builtin;
import org.autograd4j.examples.data.MnistData;
import org.autograd4j.examples.data.Synthetic;
import org.autograd4j.nn.data.Dataset;

/**
 * The data the examples train on, as {@link Dataset}s (features {@code [n, features]}, labels {@code [n]}, FLOAT32):
 * the CSV files shipped in {@code datasets/} (see its README for sources and licences), two generated problems, and
 * MNIST read from its IDX files. Your own CSV file reads the same way with {@code Csv.read(path).dataset()}.
 */
public final class Datasets {
    /** Where MNIST's four IDX files are committed, relative to the project root: {@code data/mnist}. */
    public static final Path MNIST_DIR = MnistData.DEFAULT_DIR;

    private Datasets() {
    }

    /**
     * Wisconsin diagnostic breast cancer: 569 fine-needle aspirates, 30 features, benign (0) or malignant (1).
     *
     * @return the 569 rows
     */
    public static Dataset breastCancer() {
        return Builtin.WDBC.table().dataset();
    }

    /**
     * UCI optdigits: 1797 images of 8×8 pixels with values 0–16, digits 0–9.
     *
     * @return the 1797 rows
     */
    public static Dataset digits() {
        return Builtin.DIGITS.table().dataset();
    }

    /**
     * Diabetes (Efron et al.): 442 patients, 10 baseline variables; the label is the disease progression a year
     * later (25–346).
     *
     * @return the 442 rows
     */
    public static Dataset diabetes() {
        return Builtin.DIABETES.table().dataset();
    }

    /**
     * Red/blue XOR clusters: 400 points in four Gaussian clusters (std 0.15) at the corners of the unit square,
     * class 0 around (0, 0) and (1, 1), class 1 around (0, 1) and (1, 0).
     *
     * @param seed the same seed gives the same points
     * @return the 400 rows
     */
    public static Dataset xorClusters(long seed) {
        return Synthetic.xorClusters(400, 0.15, seed);
    }

    /**
     * Two concentric circles, as scikit-learn's {@code make_circles(400, noise=0.15, factor=0.3)}: class 0 on the
     * outer ring, class 1 on the inner one.
     *
     * @param seed the same seed gives the same points
     * @return the 400 rows
     */
    public static Dataset circles(long seed) {
        return Synthetic.circles(400, 0.15, 0.3, seed);
    }

    /**
     * The {@code Tabular} example's table: 2000 rows of a region with 8 levels (column 0, its index as a number) and 4
     * standard-normal features; the label depends on the region non-monotonically ({@link Synthetic#tabular}).
     *
     * @param seed       the same seed gives the same rows
     * @param withRegion false to blank the region out (region 0 in every row), for a baseline
     * @return the 2000 rows
     */
    public static Dataset tabular(long seed, boolean withRegion) {
        return Synthetic.tabular(seed, withRegion);
    }

    /**
     * MNIST's training images (pixels scaled to [0, 1]) and their digits.
     *
     * @param dir    the folder holding the four IDX files, e.g. {@link #MNIST_DIR}
     * @param images how many of the 60000 to read, from the first; {@code < 0} for all
     * @return the rows
     * @throws IllegalArgumentException naming the file if the folder or a file is missing or malformed
     */
    public static Dataset mnistTrain(Path dir, int images) {
        return MnistData.load(dir, images, 0).train();
    }

    /**
     * MNIST's test images, as {@link #mnistTrain}.
     *
     * @param dir    the folder holding the four IDX files
     * @param images how many of the 10000 to read, from the first; {@code < 0} for all
     * @return the rows
     * @throws IllegalArgumentException naming the file if the folder or a file is missing or malformed
     */
    public static Dataset mnistTest(Path dir, int images) {
        return MnistData.load(dir, 1, images).test();
    }
}
