package org.autograd4j.examples.data;

import java.nio.file.Path;
import org.autograd4j.core.Tensor;
import org.autograd4j.nn.data.Dataset;

/**
 * MNIST from its four IDX files (by default in {@code data/mnist/} at the repository root): 28×28 images as 784
 * features scaled to [0, 1] (pixel / 255), labels 0–9.
 */
public final class MnistData {
    /** The folder the examples read MNIST from unless told otherwise, relative to the working directory. */
    public static final Path DEFAULT_DIR = Path.of("data", "mnist");
    /** The training images' file name. */
    public static final String TRAIN_IMAGES = "train-images-idx3-ubyte.gz";
    /** The training labels' file name. */
    public static final String TRAIN_LABELS = "train-labels-idx1-ubyte.gz";
    /** The test images' file name. */
    public static final String TEST_IMAGES = "t10k-images-idx3-ubyte.gz";
    /** The test labels' file name. */
    public static final String TEST_LABELS = "t10k-labels-idx1-ubyte.gz";

    private MnistData() {
    }

    /**
     * The training and test sets.
     *
     * @param train features {@code [n, 784]} in [0, 1] and labels {@code [n]}, FLOAT32
     * @param test  the same for the test images; null when none were asked for
     */
    public record Split(Dataset train, Dataset test) {
    }

    /**
     * Reads the first {@code trainLimit} training and {@code testLimit} test images (a contiguous prefix, so results
     * reproduce; {@code < 0} for all; a {@code testLimit} of 0 skips the test set).
     *
     * @param dir the folder holding the four files
     * @param trainLimit the number of training images to read
     * @param testLimit the number of test images to read
     * @return the training and test sets
     * @throws IllegalArgumentException naming the file if one is missing, malformed or truncated, or if images and
     *                                  labels disagree in number or size
     */
    public static Split load(Path dir, int trainLimit, int testLimit) {
        if (!dir.toFile().isDirectory()) {
            throw new IllegalArgumentException("mnist: no such folder: " + dir + " (it should hold " + TRAIN_IMAGES
                    + " and the three other IDX files)");
        }
        Dataset train = read(dir.resolve(TRAIN_IMAGES), dir.resolve(TRAIN_LABELS), trainLimit);
        return new Split(train, testLimit == 0 ? null : read(dir.resolve(TEST_IMAGES), dir.resolve(TEST_LABELS),
                testLimit));
    }

    private static Dataset read(Path imageFile, Path labelFile, int limit) {
        Idx.Images images = Idx.readImages(imageFile, limit);
        int[] labels = Idx.readLabels(labelFile, limit);
        if (images.count() != labels.length) {
            throw new IllegalArgumentException("mnist: " + imageFile.getFileName() + " has " + images.count()
                    + " images but " + labelFile.getFileName() + " has " + labels.length + " labels");
        }
        if (images.rows() != 28 || images.cols() != 28) {
            throw new IllegalArgumentException("mnist: " + imageFile + ": images are " + images.rows() + " x "
                    + images.cols() + ", MNIST's are 28 x 28");
        }
        float[] x = new float[images.pixels().length];
        for (int i = 0; i < x.length; i++) {
            x[i] = images.pixels()[i] / 255f;
        }
        float[] y = new float[labels.length];
        for (int i = 0; i < y.length; i++) {
            if (labels[i] > 9) {
                throw new IllegalArgumentException("mnist: " + labelFile + ": label " + labels[i] + " at position "
                        + i + " is not a digit");
            }
            y[i] = labels[i];
        }
        return new Dataset(Tensor.of(x, images.count(), images.pixelsPerImage()), Tensor.of(y, y.length));
    }
}
